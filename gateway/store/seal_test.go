package store

import (
	"bytes"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testKey(b byte) []byte { return bytes.Repeat([]byte{b}, KeySize) }

func TestBox_sealsAndOpensWithTheSameAAD(t *testing.T) {
	box, err := NewBox(testKey(1))
	if err != nil {
		t.Fatal(err)
	}
	for _, pt := range [][]byte{nil, []byte("x"), []byte("access-token-1234567890"), bytes.Repeat([]byte("z"), 10000)} {
		sealed, err := box.Seal(pt, []byte("token:zendesk/acme"))
		if err != nil {
			t.Fatalf("Seal: %v", err)
		}
		// A short plaintext may turn up in random bytes by chance.
		if len(pt) >= 8 && bytes.Contains(sealed, pt) {
			t.Errorf("sealed value contains the plaintext")
		}
		got, err := box.Open(sealed, []byte("token:zendesk/acme"))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if !bytes.Equal(got, pt) {
			t.Errorf("Open = %q, want %q", got, pt)
		}
	}
}

func TestBox_usesAFreshNonceForEverySeal(t *testing.T) {
	box, err := NewBox(testKey(1))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := box.Seal([]byte("same"), nil)
	b, _ := box.Seal([]byte("same"), nil)
	if bytes.Equal(a, b) {
		t.Errorf("two seals of the same plaintext are identical")
	}
}

func TestBox_rejectsTamperedOrMisplacedValues(t *testing.T) {
	box, err := NewBox(testKey(1))
	if err != nil {
		t.Fatal(err)
	}
	otherKey, err := NewBox(testKey(2))
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := box.Seal([]byte("secret"), []byte("token:zendesk/acme"))
	if err != nil {
		t.Fatal(err)
	}
	flip := func(i int) []byte {
		c := bytes.Clone(sealed)
		c[i] ^= 1
		return c
	}
	tests := []struct {
		name   string
		box    *Box
		sealed []byte
		aad    string
	}{
		{"other aad (copied to another row)", box, sealed, "token:zendesk/other"},
		{"other key", otherKey, sealed, "token:zendesk/acme"},
		{"flipped key id", box, flip(0), "token:zendesk/acme"},
		{"flipped nonce", box, flip(1), "token:zendesk/acme"},
		{"flipped ciphertext", box, flip(len(sealed) - 1), "token:zendesk/acme"},
		{"truncated", box, sealed[:10], "token:zendesk/acme"},
		{"empty", box, nil, "token:zendesk/acme"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.box.Open(tc.sealed, []byte(tc.aad))
			if !errors.Is(err, ErrSealed) {
				t.Errorf("Open = %v, want ErrSealed", err)
			}
		})
	}
}

func TestKeyring_opensOldValuesAndSealsWithTheCurrentKey(t *testing.T) {
	old, err := NewBox(testKey(1))
	if err != nil {
		t.Fatal(err)
	}
	sealedOld, _ := old.Seal([]byte("before rotation"), nil)
	ring, err := NewKeyring(2, map[byte][]byte{1: testKey(1), 2: testKey(2)})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ring.Open(sealedOld, nil); err != nil || string(got) != "before rotation" {
		t.Errorf("keyring Open(old) = %q, %v", got, err)
	}
	sealedNew, _ := ring.Seal([]byte("after"), nil)
	if sealedNew[0] != 2 {
		t.Errorf("key id byte = %d, want 2", sealedNew[0])
	}
	if _, err := old.Open(sealedNew, nil); !errors.Is(err, ErrSealed) {
		t.Errorf("old box opened a value sealed with the new key: %v", err)
	}
}

func TestNewBox_rejectsWrongKeySize(t *testing.T) {
	for _, n := range []int{0, 16, 31, 33} {
		if _, err := NewBox(make([]byte, n)); err == nil {
			t.Errorf("NewBox(%d bytes) = nil error", n)
		}
	}
}

func TestBox_stringRedactsKeys(t *testing.T) {
	box, _ := NewBox(testKey('K'))
	for _, s := range []string{box.String(), box.GoString()} {
		if strings.Contains(s, "KKKK") {
			t.Errorf("Box prints its key: %s", s)
		}
	}
}

func TestLoadOrCreateKey_createsAPrivateFileAndReadsItBack(t *testing.T) {
	t.Setenv(MasterKeyEnv, "")
	os.Unsetenv(MasterKeyEnv)
	dir := filepath.Join(t.TempDir(), "data")
	k1, err := LoadOrCreateKey(dir)
	if err != nil {
		t.Fatalf("first LoadOrCreateKey: %v", err)
	}
	if len(k1) != KeySize {
		t.Fatalf("key is %d bytes", len(k1))
	}
	st, err := os.Stat(filepath.Join(dir, MasterKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode = %04o, want 0600", st.Mode().Perm())
	}
	k2, err := LoadOrCreateKey(dir)
	if err != nil {
		t.Fatalf("second LoadOrCreateKey: %v", err)
	}
	if !bytes.Equal(k1, k2) {
		t.Errorf("second start read a different key")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".master.key-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary key files left behind: %v", leftovers)
	}
}

func TestLoadOrCreateKey_refusesAKeyFileOthersCanRead(t *testing.T) {
	os.Unsetenv(MasterKeyEnv)
	t.Setenv(MasterKeyEnv, "")
	os.Unsetenv(MasterKeyEnv)
	dir := t.TempDir()
	if _, err := LoadOrCreateKey(dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, MasterKeyFile)
	for _, mode := range []os.FileMode{0o640, 0o604, 0o644} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		_, err := LoadOrCreateKey(dir)
		if err == nil || !strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("mode %04o: error = %v, want a refusal telling how to fix it", mode, err)
		}
	}
}

func TestLoadOrCreateKey_envWinsOverTheFile(t *testing.T) {
	want := testKey(7)
	t.Setenv(MasterKeyEnv, base64.StdEncoding.EncodeToString(want))
	dir := t.TempDir()
	got, err := LoadOrCreateKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("key from env differs")
	}
	if _, err := os.Stat(filepath.Join(dir, MasterKeyFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a key file was created although the env var is set")
	}
}

func TestLoadOrCreateKey_rejectsABadEnvKeyWithoutQuotingIt(t *testing.T) {
	tests := []struct{ name, value string }{
		{"not base64", "this is not base64!!"},
		{"too short", base64.StdEncoding.EncodeToString([]byte("sixteen-bytes-xx"))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(MasterKeyEnv, tc.value)
			_, err := LoadOrCreateKey(t.TempDir())
			if err == nil {
				t.Fatal("bad key accepted")
			}
			if strings.Contains(err.Error(), tc.value) {
				t.Errorf("error quotes the key: %v", err)
			}
		})
	}
}

func FuzzBoxOpen(f *testing.F) {
	box, err := NewBox(testKey(1))
	if err != nil {
		f.Fatal(err)
	}
	good, _ := box.Seal([]byte("token"), []byte("aad"))
	f.Add(good, []byte("aad"))
	f.Add([]byte{}, []byte{})
	f.Add([]byte{1, 2, 3}, []byte("aad"))
	f.Fuzz(func(t *testing.T, sealed, aad []byte) {
		pt, err := box.Open(sealed, aad)
		if err != nil {
			if !errors.Is(err, ErrSealed) {
				t.Errorf("Open error %v is not ErrSealed", err)
			}
			return
		}
		// Anything that opens must have been sealed by us: re-sealing and
		// opening gives the same plaintext.
		again, err := box.Seal(pt, aad)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := box.Open(again, aad); err != nil || !bytes.Equal(back, pt) {
			t.Errorf("round trip of an opened value failed: %v", err)
		}
	})
}

func FuzzDecodeKey(f *testing.F) {
	f.Add(base64.StdEncoding.EncodeToString(testKey(3)))
	f.Add("")
	f.Add("!!!")
	f.Add(base64.RawURLEncoding.EncodeToString(testKey(4)) + "\n")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := decodeKey(s)
		if err != nil {
			if len(s) >= 8 && strings.Contains(err.Error(), s) {
				t.Errorf("error quotes the input: %v", err)
			}
			return
		}
		if len(k) != KeySize {
			t.Errorf("decodeKey accepted a %d-byte key", len(k))
		}
	})
}
