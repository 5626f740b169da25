package diag

// The codes that name a diagnostic's kind, for tools that filter them
// (check --format json and github print them). They are kept here, in
// one place, so that a stage and the tests that look for its problems
// cannot spell a code two ways.
const (
	// CodeBuild is the name printed for a diagnostic with no code of
	// its own: most of the build's checks.
	CodeBuild = "build"
	// CodeTemplate is a theme's template that does not parse or fails
	// while it renders a page.
	CodeTemplate = "template"
	// CodeBrokenLink is a link to a page or file that does not exist.
	CodeBrokenLink = "broken-link"
	// CodeMissingAnchor is a link to a heading a page does not have.
	CodeMissingAnchor = "missing-anchor"
	// CodeURLClash is two pages, files or aliases at one address.
	CodeURLClash = "url-clash"
	// CodeDuplicateTranslationKey is a translation key two pages of one
	// language share.
	CodeDuplicateTranslationKey = "duplicate-translation-key"
	// CodeEmptyTitle is a page without a title.
	CodeEmptyTitle = "empty-title"
	// CodeEmptyDescription is a page without a description.
	CodeEmptyDescription = "empty-description"
	// CodeMissingSectionPage is a folder of pages without its _index.md.
	CodeMissingSectionPage = "missing-section-page"
	// CodeOrphan is a page no navigation reaches.
	CodeOrphan = "orphan"
	// CodeMissingTranslation is a page missing in a language.
	CodeMissingTranslation = "missing-translation"
	// CodeOutdatedTranslation is a translation whose original changed
	// since it was stamped.
	CodeOutdatedTranslation = "outdated-translation"
	// CodeUnstampedTranslation is a translation with no stamp of the
	// original it was made from.
	CodeUnstampedTranslation = "unstamped-translation"
	// CodeStraySourceHash is a stamp on a page that is no translation.
	CodeStraySourceHash = "stray-source-hash"
	// CodeStructureDrift is a translation whose headings, lists or code
	// blocks differ from its original's.
	CodeStructureDrift = "structure-drift"
	// CodeTerminology is a wording a language's terms file avoids, or a
	// terms file that does not read.
	CodeTerminology = "terminology"
	// CodeIgnoredConfig is a key of a Hugo site's configuration the
	// handbook does not read.
	CodeIgnoredConfig = "ignored-config"
	// CodeUnusedLayouts is a Hugo site's own templates, which the
	// handbook does not render with.
	CodeUnusedLayouts = "unused-layouts"
	// CodeIgnoredSummary is check's one summary of what the tool left
	// aside of a site (the codes IsIgnored reports).
	CodeIgnoredSummary = "ignored"
	// CodeUnknownShortcode is a shortcode the tool does not know and the
	// site has no usable template for: its content is kept in a wrapper,
	// or it is dropped.
	CodeUnknownShortcode = "unknown-shortcode"
	// CodeShortcodeTemplate is a site's shortcode template the tool
	// cannot run (it uses what the tool's templates do not offer).
	CodeShortcodeTemplate = "shortcode-template"
)
