package triage

import "testing"

// A ferry operator's world of my own, over clean generated logs: each
// service named by aliases whose words no log line holds. A failure report
// that names the world's thing by one alias's last word is placed there;
// the counter-rows keep no service.
func TestOneAliasWord_placesAFailureByItsAliasHead(t *testing.T) {
	p := projectWith(t)
	p.Services = []Service{
		{Name: "checkout-api", Aliases: []string{"cabin booking", "vehicle deck", "crossing planner"}, Core: true},
		{Name: "payments", Aliases: []string{"onboard wallet", "fare refund"}, Core: true},
		{Name: "auth", Aliases: []string{"sign in", "boarding code"}, Core: true},
		{Name: "search", Aliases: []string{"find a sailing", "harbour search"}},
		{Name: "notifications", Aliases: []string{"departure sms", "delay alerts", "cabin updates"}},
	}
	checkVerdicts(t, p, []verdictCase{
		// placed: the one word is an alias's head, in a failure report
		{"slowness named by an alias's head",
			Ticket{Subject: "Slow", Description: "The planner is very slow for me today, every page takes a minute.", CreatedAt: noon},
			Medium, "checkout-api", "\"planner\" (its aliases')"},
		{"one writer's failure named by an alias's head, in German",
			Ticket{Subject: "Fehler", Description: "Beim Deck kommt seit heute früh nur ein Fehler, ich komme nicht weiter.", CreatedAt: noon},
			Medium, "checkout-api", "\"deck\" (its aliases')"},
		{"a verb before the head is no other thing's name",
			Ticket{Subject: "Crash", Description: "Every time we open planner it crashes, since this morning.", CreatedAt: noon},
			Medium, "checkout-api", "\"planner\" (its aliases')"},
		// the read-through's mends and rows: each fails without the code it
		// is named for
		{"\"it's\" is no possessive: the failure is told of no owned thing",
			Ticket{Subject: "Broken", Description: "It's broken again, the planner shows nothing.", CreatedAt: noon},
			Medium, "checkout-api", "\"planner\" (its aliases')"},
		{"the product's own account is no other owner",
			Ticket{Subject: "Broken", Description: "The planner in my account is broken.", CreatedAt: noon},
			Medium, "checkout-api", "\"planner\" (its aliases')"},
		{"an alias's word before the head, another service's too, is no other thing",
			Ticket{Subject: "Crash", Description: "The cabin planner crashes every time I open it.", CreatedAt: noon},
			Medium, "checkout-api", "\"planner\" (its aliases')"},
		{"a number before the head is no other thing's name",
			Ticket{Subject: "Slow", Description: "The 2025 planner is very slow for me today.", CreatedAt: noon},
			Medium, "checkout-api", "\"planner\" (its aliases')"},
		{"a short word before the head is no other thing's name",
			Ticket{Subject: "Crash", Description: "The new planner crashes every time I open it.", CreatedAt: noon},
			Medium, "checkout-api", "\"planner\" (its aliases')"},
		{"a failure told beside a possessive with a word of the logs is no owned thing's",
			Ticket{Subject: "Broken", Description: "I opened the planner, then my phone's screen froze after a long delay.", CreatedAt: noon},
			Medium, "checkout-api", "\"planner\" (its aliases')"},
		// kept with no service
		{"a word before an alias's head is the world's noun",
			Ticket{Subject: "Barrier", Description: "The vehicle barrier at the gate is broken again, I cannot get through.", CreatedAt: noon},
			Medium, "", ""},
		{"the finding service's head is what is looked for",
			Ticket{Subject: "Sailing", Description: "Our sailing is broken, nothing loads.", CreatedAt: noon},
			Medium, "", ""},
		{"a question names the thing without a failure",
			Ticket{Subject: "Planner", Description: "Will the planner show the winter timetable soon?", CreatedAt: noon},
			Low, "", ""},
		// the review's mends: the word names another thing where it stands
		{"a content word of no alias before the head names another thing's part",
			Ticket{Subject: "Music", Description: "The tape deck is broken, so the kids can't play their music in the car.", CreatedAt: noon},
			Medium, "", ""},
		{"the head of a third party's thing, owned after a preposition",
			Ticket{Subject: "Outside", Description: "The deck of our neighbour's boat is broken, so the kids can't sit outside.", CreatedAt: noon},
			Medium, "", ""},
		{"the head of a third party's thing, owned by a possessive noun after \"the\"",
			Ticket{Subject: "Outside", Description: "The deck of the neighbour's boat is broken, so the kids can't sit outside.", CreatedAt: noon},
			Medium, "", ""},
		{"the head of a named person's thing, owned by a possessive noun",
			Ticket{Subject: "Outside", Description: "The deck of Tom's boat is broken, so the kids can't sit outside.", CreatedAt: noon},
			Medium, "", ""},
		{"the head of the writer's own thing, owned after \"from\"",
			Ticket{Subject: "Outside", Description: "The deck from my old boat is broken, so the kids can't sit outside.", CreatedAt: noon},
			Medium, "", ""},
		{"the head of the writer's own thing, in German, owned after \"aus\"",
			Ticket{Subject: "Boot", Description: "Das Deck aus meinem alten Boot ist kaputt, ich komme nicht weiter.", CreatedAt: noon},
			Medium, "", ""},
		{"a failure told of the writer's own thing, in German, by a nominative possessive",
			Ticket{Subject: "Handy", Description: "Ich wollte den Planner öffnen, aber mein Handy ist kaputt.", CreatedAt: noon},
			Medium, "", ""},
		{"the head of the writer's own thing, in German, owned by a genitive",
			Ticket{Subject: "Boot", Description: "Das Deck meines Bootes ist kaputt, ich komme nicht weiter.", CreatedAt: noon},
			Medium, "", ""},
		{"a failure told of a third party's thing, the head in another clause",
			Ticket{Subject: "Machine", Description: "The marina's ticket machine is broken, so the deck hands write the tickets by hand.", CreatedAt: noon},
			Medium, "", ""},
		{"a complaint about one's own bill",
			Ticket{Subject: "Invoice", Description: "The planner is broken and I was billed twice for it.", CreatedAt: noon},
			Medium, "", ""},
	})
}
