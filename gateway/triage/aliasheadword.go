package triage

import "slices"

// lookingFor are verbs an alias may start with whose object is what is
// looked for ("find freelancers"), a thing of the world, not the service's.
var lookingFor = map[string]bool{"find": true, "search": true, "look": true, "browse": true, "locate": true}

// genericHeads are heads an alias may end with that name no thing of one
// service: a page, a code or a button is everywhere.
var genericHeads = map[string]bool{
	"page": true, "code": true, "form": true, "button": true, "link": true, "email": true, "mail": true,
	"message": true, "account": true, "api": true, "run": true, "list": true, "number": true, "portal": true,
	"system": true, "screen": true, "data": true, "file": true, "plan": true, "report": true, "status": true,
	"app": true, "service": true, "option": true, "setting": true, "time": true, "detail": true, "history": true,
	"result": true, "feed": true, "bar": true, "room": true, "dashboard": true, "login": true, "sign": true,
}

// addAliasHeadWords lends an alias's English head word alone ("library"
// of "photo library", "offer" of "send offer") to its service at a built-in
// synonym's strength, when no other service's name or alias holds the
// word, the head is no generic one, and the alias is no act on its last
// word. A head of aliasLexicon is read by its translations, with their
// guards, and alone by the alias as written only: a "calendar invitation"
// is not the "guest invitation" (round thirty-five's rows).
func (m *serviceMatcher) addAliasHeadWords() {
	owner := map[string]int{}
	for i, s := range m.services {
		words := mkPhrase(s.Name)
		for _, a := range s.Aliases {
			words = append(words, mkPhrase(a)...)
		}
		for _, w := range words {
			claimKey(owner, w, i)
		}
	}
	for i, s := range m.services {
		for _, a := range s.Aliases {
			p, _ := trimServiceSuffix(mkPhrase(a))
			if len(p) < 2 {
				continue
			}
			if lookingFor[p[0]] || slices.ContainsFunc(p, func(w string) bool { return determiners[w] || w == "a" || w == "an" }) {
				continue // "find a doctor", "extend my cover": an act on its last word, which alone does not name it
			}
			h := p[len(p)-1]
			if len(h) < 4 || genericHeads[h] || aliasHeads[h] != "" || owner[h] != i || builtinSynonyms[h] != nil {
				continue
			}
			ok := true
			for _, r := range h {
				if r < 'a' || r > 'z' {
					ok = false
				}
			}
			if ok {
				m.add(i, phrase{h}, strengthSynonym)
			}
		}
	}
}
