// Package storetest holds what the tests of the log-store sources
// (Elasticsearch, Loki) share: the same generated lines as a file source to
// compare against, and a store's lines read back in a comparable form.
package storetest
