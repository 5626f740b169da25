// Package layers keeps the tree of packages readable: its tests hold the
// table of the module's layers (the command line, the drivers, the
// pipeline, its stages in the order data flows through them, the support
// every stage may use, and the tools and test helpers beside them), fail
// when a package imports one above it or is missing from the table, and
// keep the picture of packages and imports in the README's Architecture
// section the one these imports draw.
package layers
