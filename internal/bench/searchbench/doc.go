// Command searchbench measures the handbook's search beside Pagefind on a
// built site, in headless Chromium: for each query, the bytes the browser
// fetches and the time to results of a cold query (a new browser with a
// new profile) and of a warm one (the same query again in the same page).
//
// Usage:
//
//	searchbench -site OUT [-md FILE] [-runs N] [-gzip]
//
// OUT is the output of `handbook build`, with Pagefind run over it
// (pagefind/ beside _search/). internal/bench/search.sh builds a corpus, runs
// both indexers and then this program.
//
// What is measured, for each engine:
//
//   - bytes: what the server wrote on the wire (status lines, headers and
//     bodies) for every request made after the page load, by the page and by
//     the web workers it starts, JavaScript included, plus any request for a
//     file of the search (its client or its index) that the page made while
//     loading. The sum of Network.loadingFinished encodedDataLength over the
//     page's and its workers' DevTools sessions, in one more run per cell
//     with those events on, is shown beside it: it misses part of what a
//     web worker fetches (Chrome reports the main script of a dedicated
//     worker as its headers only), so it is the cross-check, not the
//     figure;
//   - cold ms: performance.now() from the import of the client to the
//     results, in a page that has never searched, with the DevTools session
//     reporting no network events (the traced run's is shown apart: the
//     events cost the browser a few milliseconds a request);
//   - query ms: the part of cold ms spent in the query call itself
//     (s.query for ours; pf.search and the data() of the first ten results
//     for Pagefind);
//   - warm ms: the same query again in the same page, the client loaded and
//     its files fetched;
//   - results: how many documents match (ours: total; Pagefind: the length
//     of results).
//
// The site is served by net/http on 127.0.0.1 without compression, unless
// -gzip asks for it the way a static host with compression on would do
// it.
package main
