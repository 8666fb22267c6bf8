// Package queuetest is the conformance suite every queue.Queue backend must
// pass. Time is moved with a fake clock the backend receives as
// queue.Options.Now, so visibility timeouts and retry delays are tested
// without sleeping. It must not depend on any one backend.
package queuetest
