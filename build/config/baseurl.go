package config

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// CheckBaseURL says why s cannot be a site's public address, or returns
// nil. An address is an http or https URL with a host and an optional
// path, or a path alone starting with "/". Anything else would end up in
// every link, the sitemap and robots.txt: another scheme (javascript:,
// ftp:) makes them unsafe or dead, a missing scheme or host makes them
// relative to whatever page holds them, and a query or a fragment would
// be glued in front of every path.
func CheckBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("is not a URL: %w", err)
	}
	switch {
	case u.RawQuery != "" || u.ForceQuery:
		return errors.New("has a query (?…): a base address cannot")
	case u.Fragment != "" || strings.Contains(s, "#"):
		return errors.New("has a fragment (#…): a base address cannot")
	case u.Scheme == "" && u.Host != "":
		return errors.New("has a host but no scheme: write https://" + u.Host + u.Path)
	case u.Scheme == "" && !strings.HasPrefix(s, "/"):
		return errors.New("is neither an http(s) address nor a path starting with /: write https://" + strings.TrimPrefix(s, "/"))
	case u.Scheme == "":
		return nil
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("has the scheme %q: only http and https are served", u.Scheme)
	case u.Hostname() == "":
		return errors.New("has no host")
	case u.User != nil:
		return errors.New("carries a user name or password, which would be published in every page")
	}
	return nil
}
