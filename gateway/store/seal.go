package store

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// KeySize is the master key length: AES-256.
const KeySize = 32

// MasterKeyEnv names the environment variable that, when set, holds the
// master key as base64 and wins over the key file.
const MasterKeyEnv = "DESKGATE_MASTER_KEY"

// MasterKeyFile is the key file's name inside the data directory.
const MasterKeyFile = "master.key"

// ErrSealed is returned by Open for a sealed value that is corrupt, was
// sealed with other associated data, or under a key the Box does not hold.
// It never says more than that: the message must not help an attacker.
var ErrSealed = errors.New("sealed value cannot be opened")

// Box seals secrets with AES-256-GCM before they reach a backend. A sealed
// value is: one key-id byte, a random 12-byte nonce, then ciphertext and tag.
// The key id lets the master key rotate later: a Box holding the new key for
// sealing and old ones for opening reads both generations.
//
// The associated data passed to Seal and Open binds a sealed value to where
// it is stored (e.g. "token:helpdesk/acme"), so a value copied into another
// row does not open.
type Box struct {
	current byte
	aeads   map[byte]cipher.AEAD
}

// NewBox returns a Box sealing with key under key id 1.
func NewBox(key []byte) (*Box, error) {
	return NewKeyring(1, map[byte][]byte{1: key})
}

// NewKeyring returns a Box that seals with keys[current] and opens values
// sealed with any of keys.
func NewKeyring(current byte, keys map[byte][]byte) (*Box, error) {
	if _, ok := keys[current]; !ok {
		return nil, fmt.Errorf("new keyring: no key with id %d", current)
	}
	b := &Box{current: current, aeads: make(map[byte]cipher.AEAD, len(keys))}
	for id, k := range keys {
		if len(k) != KeySize {
			return nil, fmt.Errorf("new keyring: key %d is %d bytes, want %d", id, len(k), KeySize)
		}
		block, err := aes.NewCipher(k)
		if err != nil {
			return nil, fmt.Errorf("new keyring: key %d: %w", id, err)
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, fmt.Errorf("new keyring: key %d: %w", id, err)
		}
		b.aeads[id] = aead
	}
	return b, nil
}

// Seal encrypts plaintext with a fresh random nonce.
func (b *Box) Seal(plaintext, aad []byte) ([]byte, error) {
	aead := b.aeads[b.current]
	out := make([]byte, 1+aead.NonceSize(), 1+aead.NonceSize()+len(plaintext)+aead.Overhead())
	out[0] = b.current
	if _, err := rand.Read(out[1:]); err != nil {
		return nil, fmt.Errorf("seal: read nonce: %w", err)
	}
	return aead.Seal(out, out[1:], plaintext, b.additional(out[0], aad)), nil
}

// Open decrypts a value made by Seal with the same associated data.
func (b *Box) Open(sealed, aad []byte) ([]byte, error) {
	if len(sealed) < 1 {
		return nil, ErrSealed
	}
	aead, ok := b.aeads[sealed[0]]
	if !ok {
		return nil, fmt.Errorf("%w: unknown key id %d", ErrSealed, sealed[0])
	}
	n := aead.NonceSize()
	if len(sealed) < 1+n+aead.Overhead() {
		return nil, ErrSealed
	}
	pt, err := aead.Open(nil, sealed[1:1+n], sealed[1+n:], b.additional(sealed[0], aad))
	if err != nil {
		return nil, ErrSealed
	}
	return pt, nil
}

// additional authenticates the key id byte along with the caller's data.
func (b *Box) additional(id byte, aad []byte) []byte {
	a := make([]byte, 0, 1+len(aad))
	return append(append(a, id), aad...)
}

// String keeps key material out of log lines, whatever prints a Box.
func (b *Box) String() string { return "Box{<keys redacted>}" }

// GoString keeps key material out of %#v.
func (b *Box) GoString() string { return b.String() }

// LoadOrCreateKey returns the master key. DESKGATE_MASTER_KEY (base64 of 32
// bytes) wins; otherwise <dataDir>/master.key is read, or created with mode
// 0600 on first start. A key file that group or others can read is refused:
// whoever reads it reads every stored token. The key is never logged, and no
// error message quotes it.
func LoadOrCreateKey(dataDir string) ([]byte, error) {
	if v, ok := os.LookupEnv(MasterKeyEnv); ok {
		k, err := decodeKey(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", MasterKeyEnv, err)
		}
		return k, nil
	}
	if dataDir == "" {
		return nil, fmt.Errorf("load master key: no data_dir and %s not set", MasterKeyEnv)
	}
	path := filepath.Join(dataDir, MasterKeyFile)
	k, err := readKeyFile(path)
	if err == nil {
		return k, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return createKeyFile(dataDir, path)
}

func decodeKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if k, err := enc.DecodeString(s); err == nil {
			if len(k) != KeySize {
				return nil, fmt.Errorf("key is %d bytes, want %d (generate one with: head -c 32 /dev/urandom | base64)", len(k), KeySize)
			}
			return k, nil
		}
	}
	return nil, errors.New("key is not valid base64 (generate one with: head -c 32 /dev/urandom | base64)")
}

func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read master key %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read master key %s: %w", path, err)
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return nil, fmt.Errorf("master key %s has mode %04o and can be read by group or others; fix it with: chmod 600 %s", path, perm, path)
	}
	// A key file is ~45 bytes; the limit keeps a wrong path from being read
	// whole.
	buf, err := io.ReadAll(io.LimitReader(f, 1024))
	if err != nil {
		return nil, fmt.Errorf("read master key %s: %w", path, err)
	}
	k, err := decodeKey(string(buf))
	if err != nil {
		return nil, fmt.Errorf("master key %s: %w", path, err)
	}
	return k, nil
}

// createKeyFile writes a new key to a temporary file and links it into place,
// so a concurrent first start either wins or reads the winner's complete key,
// never a half-written one.
func createKeyFile(dataDir, path string) ([]byte, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create master key: %w", err)
	}
	k := make([]byte, KeySize)
	if _, err := rand.Read(k); err != nil {
		return nil, fmt.Errorf("create master key: %w", err)
	}
	tmp, err := os.CreateTemp(dataDir, ".master.key-*")
	if err != nil {
		return nil, fmt.Errorf("create master key: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("create master key: %w", err)
	}
	if _, err := tmp.WriteString(base64.StdEncoding.EncodeToString(k) + "\n"); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("create master key: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("create master key: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("create master key: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return readKeyFile(path)
		}
		return nil, fmt.Errorf("create master key %s: %w", path, err)
	}
	if d, err := os.Open(dataDir); err == nil {
		_ = d.Sync() // make the new directory entry durable
		d.Close()
	}
	return k, nil
}
