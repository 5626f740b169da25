package diag

import "errors"

// Problem is an error found at a place in a file, such as a theme's
// template that does not parse: a stage returns it as an error, and a
// driver reports it as the Diagnostic it carries, file:line: message.
type Problem struct {
	Diagnostic
	// Err is the error as the library that found it gave it.
	Err error
}

// Error is the diagnostic, file:line: message.
func (p *Problem) Error() string { return p.Diagnostic.String() }

// Unwrap returns the library's error.
func (p *Problem) Unwrap() error { return p.Err }

// FromError is the diagnostic that err stands for: a Problem's own when
// err is or wraps one, or else an error in file, on no line, saying err.
func FromError(err error, file string) Diagnostic {
	var p *Problem
	if errors.As(err, &p) {
		return p.Diagnostic
	}
	return Diagnostic{File: file, Severity: Error, Message: err.Error()}
}

// AddProblem records the diagnostic of the Problem err is or wraps, and
// returns ErrContent in its stead: a driver then prints it with the
// others, at its file and line. Any other error is returned as it is.
func (l *List) AddProblem(err error) error {
	var p *Problem
	if !errors.As(err, &p) {
		return err
	}
	l.Add(p.Diagnostic)
	return ErrContent
}
