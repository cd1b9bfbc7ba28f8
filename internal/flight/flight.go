// Package flight runs one call on behalf of many waiters: the first caller
// that needs a token or a list starts it, the others join it, and it is
// cancelled as soon as nobody waits for it any more. Without that, a shared
// request would go on after every caller's context was cancelled.
package flight

import (
	"context"
	"sync"
)

// Call is one shared run of a function.
type Call[T any] struct {
	done   chan struct{}
	val    T
	err    error
	cancel context.CancelFunc

	mu      sync.Mutex
	waiters int
}

// Start runs fn in its own goroutine. Its context carries ctx's values but
// not ctx's cancellation: it ends when the last waiter gives up.
func Start[T any](ctx context.Context, fn func(context.Context) (T, error)) *Call[T] {
	callCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	c := &Call[T]{done: make(chan struct{}), cancel: cancel}
	go func() {
		defer close(c.done)
		defer cancel()
		c.val, c.err = fn(callCtx)
	}()
	return c
}

// Done is closed when the call has finished.
func (c *Call[T]) Done() <-chan struct{} { return c.done }

// Wait returns the call's result, or ctx's error if ctx ends first; the
// last waiter to give up cancels the call. A waiter that joins a call
// cancelled that way gets context.Canceled with its own ctx still alive, and
// should start a new call.
func (c *Call[T]) Wait(ctx context.Context) (T, error) {
	c.mu.Lock()
	c.waiters++
	c.mu.Unlock()
	select {
	case <-c.done:
		c.mu.Lock()
		c.waiters--
		c.mu.Unlock()
		return c.val, c.err
	case <-ctx.Done():
		c.mu.Lock()
		c.waiters--
		last := c.waiters == 0
		c.mu.Unlock()
		if last {
			c.cancel()
		}
		var zero T
		return zero, ctx.Err()
	}
}
