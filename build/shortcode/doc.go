// Package shortcode expands Hugo's shortcodes ({{< name args >}} and
// {{% name args %}}) in a page's Markdown before the Markdown stage
// reads it, so that sites written for Hugo build without raw shortcode
// text on their pages.
//
// Expansion keeps every line where it was: what a shortcode renders to
// is set aside as an HTML fragment and the Markdown holds a marker in its
// stead, padded to the lines the shortcode took, so a diagnostic of the
// Markdown stage still names the line the writer wrote. Shortcodes in
// code (fenced, indented or inline) are left exactly as written; escaped
// ones ({{</* x */>}}) become literal text, in code too.
package shortcode
