package seed

import (
	"fmt"
	"strconv"

	"github.com/intercom-tui/intercom-tui/models"
)

const (
	numContacts  = 200
	numCompanies = 30
)

// contactBase is what conversations and tickets need of a contact without building it all.
type contactBase struct {
	id, external string
	role         string // user | lead
	name, first  string // name is "" for some anonymous leads
	email, phone string
	culture      int
	created      int64
	companies    []int // company indices
	owner        int   // admin index, -1 for none
}

type companyBase struct {
	id, name, site, industry string
	plan                     int
	created                  int64
	users                    int
}

func (w *World) initPeople() {
	r := newRNG(w.seed, kCompany, 1<<40)
	order := perm(&r, len(companyPool))
	w.companyIdx = make(map[string]int, numCompanies)
	for i := range numCompanies {
		c := companyPool[order[i]]
		cr := newRNG(w.seed, kCompany, uint64(i))
		created := w.createdAt + w.span(&cr, w.nowUnix-w.createdAt-86400)
		b := companyBase{id: hex24(created, &cr), name: c.name, site: c.site, industry: c.industry,
			plan: cr.intn(len(planNames)), created: created}
		w.companies = append(w.companies, b)
		w.companyIdx[b.id] = i
	}
	w.contactIdx = make(map[string]int, numContacts)
	emails := map[string]bool{}
	for i := range numContacts {
		b := w.deriveContactBase(i)
		for n := 2; b.email != "" && emails[b.email]; n++ {
			b.email = strconv.Itoa(n) + "." + b.email // keep emails unique, as Intercom does
		}
		emails[b.email] = true
		w.contacts = append(w.contacts, b)
		w.contactIdx[b.id] = i
		if b.phone != "" {
			w.phoneContacts = append(w.phoneContacts, i)
		}
		if b.email != "" {
			w.emailContacts = append(w.emailContacts, i)
		}
		for _, c := range b.companies {
			w.companies[c].users++
		}
	}
}

func (w *World) deriveContactBase(i int) contactBase {
	r := newRNG(w.seed, kContactBase, uint64(i))
	ci := weighted(&r, cultureWeights)
	cu := &cultures[ci]
	first, last := pick(&r, cu.firsts), pick(&r, cu.lasts)
	b := contactBase{role: "user", culture: ci, owner: -1, first: display(first), name: cu.fullName(first, last)}
	if r.chance(0.28) {
		b.role = "lead"
	}
	b.created = w.nowUnix - 3600 - w.span(&r, min(w.nowUnix-w.createdAt, 700*86400))
	b.id = hex24(b.created, &r)
	if b.role == "user" {
		b.external = strconv.Itoa(10_000 + i*53 + r.intn(53))
		switch x := r.float(); {
		case x < 0.75:
			b.companies = []int{r.intn(numCompanies)}
		case x < 0.85:
			c := r.intn(numCompanies)
			b.companies = []int{c, (c + 1 + r.intn(numCompanies-1)) % numCompanies}
		}
	}
	local := roman(first) + "." + roman(last)
	switch {
	case len(b.companies) > 0:
		b.email = local + "@" + w.companies[b.companies[0]].site
	case b.role == "user" || r.chance(0.7):
		b.email = fmt.Sprintf("%s%d@%s", local, r.between(1, 99), pick(&r, cu.mailDomains))
	}
	if r.chance(0.6) {
		b.phone = cu.phone(&r)
	}
	if b.role == "lead" && r.chance(0.15) && b.email != "" {
		b.name, b.first = "", "" // an anonymous lead: shown by email
	}
	if r.chance(0.3) {
		b.owner = r.intn(len(w.admins))
	}
	return b
}

// NumContacts is the number of contacts (200).
func (w *World) NumContacts() int { return len(w.contacts) }

// ContactIndex finds a contact by its 24-hex id.
func (w *World) ContactIndex(id string) (int, bool) {
	i, ok := w.contactIdx[id]
	return i, ok
}

// crng is the stream for one facet (core, tags, notes, segments) of contact i.
func (w *World) crng(i, facet int) rng {
	return newRNG(w.seed, kContactMore, uint64(i)*8+uint64(facet))
}

var browsers = []struct{ name, version string }{{"chrome", "124.0.6367.91"}, {"safari", "17.4.1"}, {"firefox", "125.0.3"}, {"edge", "124.0.2478.67"}}
var oses = []string{"OS X 14.4.1", "Windows 11", "Windows 10", "Linux", "iOS 17.4", "Android 14"}

// Contact is contact i (0 <= i < NumContacts) in full, with its tag, note and company summaries.
func (w *World) Contact(i int) models.Contact {
	b := &w.contacts[i]
	cu := &cultures[b.culture]
	r := w.crng(i, 0)
	c := models.Contact{
		Type: "contact", ID: models.ID(b.id), ExternalID: models.NullString(b.external), WorkspaceID: w.appID,
		Role: b.role, Email: b.email, EmailDomain: domainOf(b.email), Phone: models.NullString(b.phone),
		Name: models.NullString(b.name), CreatedAt: b.created,
		UnsubscribedFromEmails: r.chance(0.1), HasHardBounced: r.chance(0.03), MarkedEmailAsSpam: r.chance(0.02),
	}
	if b.owner >= 0 {
		c.OwnerID = models.NullInt(w.admins[b.owner].id)
	}
	seen := w.nowUnix - w.span(&r, min(30*86400, w.nowUnix-b.created))
	c.LastSeenAt = models.NullInt(seen)
	c.UpdatedAt = seen
	if b.role == "user" {
		c.SignedUpAt = models.NullInt(b.created)
	}
	if r.chance(0.7) {
		c.LastRepliedAt = models.NullInt(seen - w.span(&r, seen-b.created))
		c.LastContactedAt = models.NullInt(int64(c.LastRepliedAt) + w.span(&r, seen-int64(c.LastRepliedAt)+1))
	}
	if b.email != "" && r.chance(0.5) {
		c.LastEmailOpenedAt = models.NullInt(max(b.created, seen-w.span(&r, 7*86400)))
		if r.chance(0.4) {
			c.LastEmailClickedAt = c.LastEmailOpenedAt + 42
		}
	}
	br := pick(&r, browsers)
	c.Browser, c.BrowserVersion, c.OS = models.NullString(br.name), models.NullString(br.version), models.NullString(pick(&r, oses))
	c.BrowserLanguage = models.NullString(cu.lang)
	if cu.lang != "en" && r.chance(0.3) {
		c.LanguageOverride = models.NullString(cu.lang)
	}
	switch x := r.float(); {
	case x < 0.15:
		c.IOSAppName, c.IOSAppVersion, c.IOSDevice = models.NullString(w.appName), "5.12.0", "iPhone 15 Pro"
		c.IOSOSVersion, c.IOSSDKVersion, c.IOSLastSeenAt = "17.4.1", "16.6.1", models.NullInt(seen-600)
	case x < 0.25:
		c.AndroidAppName, c.AndroidAppVersion, c.AndroidDevice = models.NullString(w.appName), "5.11.2", "Pixel 8"
		c.AndroidOSVersion, c.AndroidSDKVersion, c.AndroidLastSeenAt = "14", "15.4.0", models.NullInt(seen-900)
	}
	c.CustomAttributes = w.contactAttributes(b, &r)
	if r.chance(0.6) {
		c.Avatar = fmt.Appendf(nil, `{"type":"avatar","image_url":"https://static.intercomassets.com/avatars/%s/square_128/avatar.png"}`, b.id)
	} else {
		c.Avatar = []byte("null")
	}
	place := pick(&r, cu.places)
	c.Location = &models.Location{Type: "location", Country: models.NullString(cu.country), Region: models.NullString(place[0]), City: models.NullString(place[1])}
	c.SocialProfiles = &models.SocialProfiles{Type: "list", Data: []models.SocialProfile{}}
	if r.chance(0.4) && b.email != "" {
		handle := b.email[:len(b.email)-len(c.EmailDomain)-1]
		c.SocialProfiles.Data = append(c.SocialProfiles.Data, models.SocialProfile{Type: "social_profile", Name: "Twitter", URL: "https://twitter.com/" + handle})
		if r.chance(0.5) {
			c.SocialProfiles.Data = append(c.SocialProfiles.Data, models.SocialProfile{Type: "social_profile", Name: "LinkedIn", URL: "https://www.linkedin.com/in/" + handle})
		}
	}
	tags, notes, comps := w.contactTagIdx(i), w.ContactNotes(i), b.companies
	c.Tags = addressables(b.id, "tags", "tag", len(tags), func(k int) string { return itoa(w.tags[tags[k]].id) })
	c.Notes = addressables(b.id, "notes", "note", len(notes), func(k int) string { return string(notes[k].ID) })
	c.Companies = addressables(b.id, "companies", "company", len(comps), func(k int) string { return w.companies[comps[k]].id })
	return c
}

func (w *World) contactAttributes(b *contactBase, r *rng) map[string]any {
	if b.role == "lead" {
		return map[string]any{"utm_source": pick(r, []string{"google", "linkedin", "newsletter", "g2"}),
			"interested_in": pick(r, []string{"Pro plan", "API access", "Enterprise demo"}), "requested_demo": r.chance(0.4)}
	}
	m := map[string]any{"plan": pick(r, planNames), "seats": r.between(1, 250), "beta_tester": r.chance(0.2),
		"mrr": float64(r.between(900, 250000)) / 100, "onboarding_completed": r.chance(0.8)}
	if r.chance(0.3) {
		m["preferred_contact"] = pick(r, []string{"email", "sms", "phone", "whatsapp"})
	}
	return m
}

func domainOf(email string) string {
	for k := len(email) - 1; k >= 0; k-- {
		if email[k] == '@' {
			return email[k+1:]
		}
	}
	return ""
}

// addressables builds a contact's tags/notes/companies summary: up to 10 refs and a url.
func addressables(contactID, path, typ string, n int, id func(int) string) *models.Addressables {
	a := &models.Addressables{Type: "list", Data: []models.Addressable{}, URL: "/contacts/" + contactID + "/" + path, TotalCount: n, HasMore: n > 10}
	for k := 0; k < n && k < 10; k++ {
		ref := id(k)
		a.Data = append(a.Data, models.Addressable{Type: typ, ID: models.ID(ref), URL: "/" + path + "/" + ref})
	}
	return a
}

func (w *World) contactTagIdx(i int) []int {
	r := w.crng(i, 1)
	n := weighted(&r, []int{40, 30, 15, 10, 5})
	return perm(&r, len(w.tags))[:n]
}

// ContactTags are the tags applied to contact i.
func (w *World) ContactTags(i int) []models.Tag {
	idx := w.contactTagIdx(i)
	out := make([]models.Tag, len(idx))
	for k, t := range idx {
		out[k] = models.Tag{Type: "tag", ID: models.ID(itoa(w.tags[t].id)), Name: w.tags[t].name}
	}
	return out
}

// ContactSegments are the segments contact i falls in (users and leads differ).
func (w *World) ContactSegments(i int) []models.Segment {
	r := w.crng(i, 3)
	if w.contacts[i].role == "lead" {
		return []models.Segment{w.segment(1)}
	}
	out := []models.Segment{w.segment(0)}
	if r.chance(0.5) {
		out = append(out, w.segment(2+r.intn(3)))
	}
	return out
}

// ContactCompanies are the companies contact i belongs to (leads have none).
func (w *World) ContactCompanies(i int) []models.Company {
	out := make([]models.Company, 0, len(w.contacts[i].companies))
	for _, c := range w.contacts[i].companies {
		out = append(out, w.Company(c))
	}
	return out
}

var contactNoteBodies = []string{
	"<p>Called {first}: they're evaluating the <b>Enterprise</b> plan, decision by end of quarter.</p>",
	"<p>Prefers SMS over email. Don't call before 10am their time.</p>",
	"<p>Promised a follow-up on the export bug once " + link("https://linear.app/acme/issue/EXP-221", "EXP-221") + " ships.</p>",
	"<p>Key contact for billing at {company}.</p><ul><li>Invoices go to finance@</li><li>PO required</li></ul>",
	"<p>Very happy customer 🎉 Good candidate for a case study.</p>",
	"<p>Mentioned in Slack that the API rate limits are a blocker. <i>Check again in two weeks.</i></p>",
}

// ContactNotes are the 0–4 notes admins left on contact i, oldest first.
func (w *World) ContactNotes(i int) []models.Note {
	b := &w.contacts[i]
	r := w.crng(i, 2)
	n := weighted(&r, []int{45, 25, 15, 10, 5})
	out := make([]models.Note, n)
	t := b.created
	company := "their company"
	if len(b.companies) > 0 {
		company = w.companies[b.companies[0]].name
	}
	for k := range out {
		t += 1 + w.span(&r, (w.nowUnix-t)/int64(n-k+1))
		author := w.admin(r.intn(len(w.admins)))
		out[k] = models.Note{Type: "note", ID: models.ID(w.noteID(i, k)), CreatedAt: t,
			Contact: &models.NoteContact{Type: "contact", ID: models.ID(b.id)}, Author: &author,
			Body: fill(pick(&r, contactNoteBodies), map[string]string{"first": firstOr(b.first, "them"), "company": company})}
	}
	return out
}

func (w *World) noteID(contact, k int) string { return itoa(int64(17_000_000 + contact*10 + k)) }

// NoteByID finds a seeded contact note by id (GET /notes/{id}).
func (w *World) NoteByID(id string) (models.Note, bool) {
	v, err := strconv.Atoi(id)
	if err != nil || v < 17_000_000 || v >= 17_000_000+10*len(w.contacts) {
		return models.Note{}, false
	}
	notes := w.ContactNotes((v - 17_000_000) / 10)
	if k := (v - 17_000_000) % 10; k < len(notes) {
		return notes[k], true
	}
	return models.Note{}, false
}

func firstOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// NumCompanies is the number of companies (30).
func (w *World) NumCompanies() int { return len(w.companies) }

// CompanyIndex finds a company by its 24-hex id.
func (w *World) CompanyIndex(id string) (int, bool) {
	i, ok := w.companyIdx[id]
	return i, ok
}

// Company is company i (0 <= i < NumCompanies).
func (w *World) Company(i int) models.Company {
	b := &w.companies[i]
	r := newRNG(w.seed, kCompany, uint64(i)+1<<20)
	size := []int64{5, 25, 120, 800}[b.plan] + int64(r.intn(40))
	c := models.Company{
		Type: "company", ID: models.ID(b.id), Name: b.name, AppID: w.appID,
		Plan:      &models.Plan{Type: "plan", ID: models.ID(itoa(int64(269_300 + b.plan))), Name: planNames[b.plan]},
		CompanyID: fmt.Sprintf("cmp_%04d", 100+i*7), RemoteCreatedAt: b.created - 86400*int64(r.between(1, 400)),
		CreatedAt: b.created, UpdatedAt: b.created + w.span(&r, w.nowUnix-b.created), Size: size,
		Website: "https://www." + b.site, Industry: b.industry,
		MonthlySpend: float64([]int{29, 99, 499, 2500}[b.plan] * (1 + r.intn(6))), // whole numbers: the schema says integer
		SessionCount: int64(r.between(10, 40_000)), UserCount: int64(b.users),
		CustomAttributes: map[string]any{
			"account_tier": pick(&r, []string{"Bronze", "Silver", "Gold"}),
			"region":       pick(&r, []string{"EMEA", "AMER", "APAC"}),
			"renewal_date": w.now.AddDate(0, r.between(1, 11), 0).Format("2006-01-02"),
		},
		Tags:     &models.TagList{Type: "tag.list", Tags: []models.Tag{}},
		Segments: []byte(`{"type":"segment.list","segments":[]}`),
	}
	c.LastRequestAt = c.UpdatedAt
	for _, t := range perm(&r, len(w.tags))[:r.intn(3)] {
		c.Tags.Tags = append(c.Tags.Tags, models.Tag{Type: "tag", ID: models.ID(itoa(w.tags[t].id)), Name: w.tags[t].name})
	}
	return c
}
