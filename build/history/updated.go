package history

import "time"

// lastChanges finds, for each file there now, the date of the newest
// commit that changed its content: an addition, or a change of more than
// its stamp and its whitespace. A rename that changed nothing leads on to
// the file's older commits. Versions are compared in rounds, each round
// the newest undecided commit of every file.
func lastChanges(commits []*commit, blobs *blobReader) (map[string]time.Time, error) {
	type step struct {
		c *commit
		f *fileChange
	}
	byName := map[string][]step{} // each file's commits, newest first
	for _, c := range commits {
		for i := range c.files {
			if f := &c.files[i]; f.name != "" {
				byName[f.name] = append(byName[f.name], step{c, f})
			}
		}
	}
	updated := make(map[string]time.Time, len(byName))
	next := make(map[string]int, len(byName))
	for {
		var pairs []versionPair
		var asking []string
		for name, steps := range byName {
			if _, ok := updated[name]; ok {
				continue
			}
			i := next[name]
			for i < len(steps) && steps[i].f.oldBlob == steps[i].f.newBlob {
				i++ // renamed or copied as it was
			}
			next[name] = i
			switch {
			case i == len(steps):
				// Nothing but unchanged renames: the oldest commit is
				// all that is known.
				updated[name] = steps[len(steps)-1].c.when
			case isZeroBlob(steps[i].f.oldBlob):
				updated[name] = steps[i].c.when
			default:
				pairs = append(pairs, versionPair{steps[i].f.oldBlob, steps[i].f.newBlob})
				asking = append(asking, name)
			}
		}
		if len(asking) == 0 {
			return updated, nil
		}
		if err := blobs.fetchPairs(pairs); err != nil {
			return nil, err
		}
		for _, name := range asking {
			s := byName[name][next[name]]
			if blobs.verdict(versionPair{s.f.oldBlob, s.f.newBlob}).textChanged {
				updated[name] = s.c.when
				continue
			}
			next[name]++
			if next[name] == len(byName[name]) {
				// Only restamps and reformatting back to the oldest
				// commit known (a shallow clone's): its date.
				updated[name] = s.c.when
			}
		}
	}
}
