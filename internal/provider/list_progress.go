package provider

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// progressEvery is the least time between two progress lines, so that a
// fast apply does not fill the log with them.
const progressEvery = 5 * time.Second

// listProgress logs a list apply's writes at INFO, for whoever watches a
// long one (TF_LOG=info): a line at each tenth of the writes, no more often
// than progressEvery, and a summary at the end. It is a membership.Progress.
type listProgress struct {
	list  string
	verbs listVerbs
	now   func() time.Time

	mu                   sync.Mutex
	start, last          time.Time
	adds, removes        int // planned
	added, removed, next int // written, and the count of the next line
}

func newListProgress(kind listKind, now func() time.Time) *listProgress {
	return &listProgress{list: kind.listName, verbs: kind.verbs, now: now}
}

func (p *listProgress) Planned(_ context.Context, adds, removes int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.adds, p.removes = adds, removes
	p.start = p.now()
	p.last, p.next = p.start, p.step()
}

// step is a tenth of the writes, at least one.
func (p *listProgress) step() int { return max((p.adds+p.removes)/10, 1) }

func (p *listProgress) Wrote(ctx context.Context, add bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	verb, done, of := p.verbs.progressRemove, &p.removed, p.removes
	if add {
		verb, done, of = p.verbs.progressAdd, &p.added, p.adds
	}
	*done++
	written, now := p.added+p.removed, p.now()
	if written < p.next {
		return
	}
	p.next = (written/p.step() + 1) * p.step()
	if now.Sub(p.last) < progressEvery {
		return
	}
	p.last = now
	tflog.Info(ctx, fmt.Sprintf("%s %s of %s", verb, thousands(*done), thousands(of)),
		map[string]any{"list": p.list, "written": written, "writes": p.adds + p.removes})
}

// summarize logs what MCP accepted of the writes Planned announced, and how
// long they took; nothing when there were none.
func (p *listProgress) summarize(ctx context.Context, added, removed int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.start.IsZero() {
		return
	}
	var msg string
	for _, part := range []struct {
		verb string
		n    int
	}{{p.verbs.progressAdd, added}, {p.verbs.progressRemove, removed}} {
		switch {
		case part.n == 0:
		case msg == "":
			msg = fmt.Sprintf("%s %s %s", part.verb, thousands(part.n), plural(part.n, "carrier", "carriers"))
		default:
			msg += fmt.Sprintf(", %s %s", part.verb, thousands(part.n))
		}
	}
	if msg == "" {
		msg = "no change accepted on the " + p.list
	}
	tflog.Info(ctx, fmt.Sprintf("%s in %s", msg, p.now().Sub(p.start).Round(time.Second)),
		map[string]any{"list": p.list, "added": added, "removed": removed})
}

// thousands writes a count with comma thousands separators: 12,345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
