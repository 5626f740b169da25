// Package render is the render stage of the pipeline: it turns linked,
// converted pages into the site's files with the theme's html/template
// layouts, translates the theme's interface strings, and writes the files
// every site has (the language chooser at "/", 404.html, sitemap.xml,
// robots.txt, aliases, the theme's assets and the code-highlighting
// stylesheet). It also makes the print pages, which hold a language's
// whole handbook or a section on one page to print (print.go), from the
// pages' HTML as it is rendered.
package render
