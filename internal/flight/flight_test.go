package flight

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestWaitersShareOneCall(t *testing.T) {
	t.Parallel()
	var runs atomic.Int32
	release := make(chan struct{})
	c := Start(context.Background(), func(context.Context) (int, error) {
		runs.Add(1)
		<-release
		return 42, nil
	})
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := c.Wait(context.Background()); v != 42 || err != nil {
				t.Errorf("Wait = %d, %v", v, err)
			}
		}()
	}
	close(release)
	wg.Wait()
	if runs.Load() != 1 {
		t.Errorf("the function ran %d times", runs.Load())
	}
}

func TestLastWaiterCancels(t *testing.T) {
	t.Parallel()
	stopped := make(chan struct{})
	c := Start(context.Background(), func(ctx context.Context) (int, error) {
		<-ctx.Done()
		close(stopped)
		return 0, ctx.Err()
	})
	a, cancelA := context.WithCancel(context.Background())
	b, cancelB := context.WithCancel(context.Background())
	errs := make(chan error, 2)
	go func() { _, err := c.Wait(a); errs <- err }()
	go func() { _, err := c.Wait(b); errs <- err }()
	time.Sleep(10 * time.Millisecond)
	cancelA()
	if err := <-errs; !errors.Is(err, context.Canceled) {
		t.Fatalf("first waiter: %v", err)
	}
	select {
	case <-stopped:
		t.Fatal("the call was cancelled while another caller still waited")
	case <-time.After(20 * time.Millisecond):
	}
	cancelB()
	if err := <-errs; !errors.Is(err, context.Canceled) {
		t.Fatalf("second waiter: %v", err)
	}
	select {
	case <-stopped:
	case <-time.After(time.Second):
		t.Fatal("the call went on after every waiter gave up")
	}
}

func TestCallerCancellationDoesNotReachTheCall(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	c := Start(ctx, func(callCtx context.Context) (string, error) {
		close(started)
		time.Sleep(20 * time.Millisecond)
		return "done", callCtx.Err()
	})
	<-started
	cancel() // the starter's context, with a waiter that is not its own
	if v, err := c.Wait(context.Background()); v != "done" || err != nil {
		t.Fatalf("Wait = %q, %v; the starter's cancellation must not end a call others wait for", v, err)
	}
}
