// Package storetest is the conformance suite every store.Store backend must
// pass: Run exercises each method's documented semantics against a fresh
// store per subtest. It must not depend on any one backend.
package storetest
