package seed

import (
	"regexp"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"

	"github.com/intercom-tui/intercom-tui/models"
)

func TestContacts(t *testing.T) {
	w := New(8, 0, testNow)
	emails := map[string]bool{}
	regions := map[string]bool{}
	kinds := map[string]bool{}
	var names strings.Builder
	for i := range w.NumContacts() {
		c := w.Contact(i)
		kinds["role:"+c.Role] = true
		if c.Role != "user" && c.Role != "lead" {
			t.Fatalf("contact %d role %q", i, c.Role)
		}
		if c.Email != "" {
			if emails[c.Email] {
				t.Errorf("email %s used twice", c.Email)
			}
			emails[c.Email] = true
			if !reEmail.MatchString(c.Email) || !strings.HasSuffix(c.Email, "@"+c.EmailDomain) {
				t.Errorf("email %s, domain %s", c.Email, c.EmailDomain)
			}
		}
		if c.Name == "" && c.Email == "" {
			t.Errorf("contact %d has neither name nor email", i)
		}
		if c.Phone != "" {
			n, err := phonenumbers.Parse(string(c.Phone), "")
			if err != nil || !phonenumbers.IsValidNumber(n) || phonenumbers.Format(n, phonenumbers.E164) != string(c.Phone) {
				t.Errorf("contact %d phone %q is not a valid E.164 number (%v)", i, c.Phone, err)
			}
			regions[phonenumbers.GetRegionCodeForNumber(n)] = true
		}
		if c.UpdatedAt < c.CreatedAt || c.CreatedAt > testNow.Unix() {
			t.Errorf("contact %d created %d updated %d", i, c.CreatedAt, c.UpdatedAt)
		}
		for _, v := range c.CustomAttributes {
			switch v.(type) {
			case string:
				kinds["attr:string"] = true
			case bool:
				kinds["attr:bool"] = true
			case int, float64:
				kinds["attr:number"] = true
			}
		}
		if c.Location == nil || c.Location.Country == "" || c.Location.City == "" {
			t.Errorf("contact %d location %+v", i, c.Location)
		}
		if len(c.SocialProfiles.Data) > 0 {
			kinds["social"] = true
		}
		kinds["avatar:"+boolStr(string(c.Avatar) != "null")] = true
		checkSummary(t, "tags", c.ID, c.Tags, idsOf(w.ContactTags(i), func(x models.Tag) models.ID { return x.ID }))
		checkSummary(t, "notes", c.ID, c.Notes, idsOf(w.ContactNotes(i), func(x models.Note) models.ID { return x.ID }))
		checkSummary(t, "companies", c.ID, c.Companies, idsOf(w.ContactCompanies(i), func(x models.Company) models.ID { return x.ID }))
		for _, n := range w.ContactNotes(i) {
			if n.Author == nil || n.Contact == nil || n.Contact.ID != c.ID || !strings.HasPrefix(n.Body, "<") || n.CreatedAt < c.CreatedAt {
				t.Errorf("contact %d note %+v", i, n)
			}
		}
		if len(w.ContactSegments(i)) == 0 {
			t.Errorf("contact %d in no segment", i)
		}
		names.WriteString(string(c.Name))
	}
	for _, want := range []string{"role:user", "role:lead", "attr:string", "attr:bool", "attr:number", "social", "avatar:true", "avatar:false"} {
		if !kinds[want] {
			t.Errorf("no contact with %s", want)
		}
	}
	for _, want := range []string{"IE", "US", "GB", "AU", "DE"} {
		if !regions[want] {
			t.Errorf("no phone number from %s", want)
		}
	}
	for name, re := range nameScripts {
		if !re.MatchString(names.String()) {
			t.Errorf("no %s contact names", name)
		}
	}
}

var reEmail = regexp.MustCompile(`^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]+$`)

// Japanese names are mostly kanji (Han), so names are checked for these scripts.
var nameScripts = map[string]*regexp.Regexp{"Han": scripts["Chinese"], "Arabic": scripts["Arabic"],
	"Cyrillic": scripts["Cyrillic"], "Greek": scripts["Greek"]}

// TestPhoneRanges: every culture's number generator stays inside ranges libphonenumber
// (the library the app validates with) accepts for that country.
func TestPhoneRanges(t *testing.T) {
	r := newRNG(1, 2, 3)
	for _, c := range cultures {
		for range 500 {
			ph := c.phone(&r)
			n, err := phonenumbers.Parse(ph, "")
			if err != nil || !phonenumbers.IsValidNumber(n) || phonenumbers.GetRegionCodeForNumber(n) != c.code {
				t.Errorf("%s: %s is not a valid %s number", c.country, ph, c.code)
				break
			}
		}
	}
}

func idsOf[T any](xs []T, id func(T) models.ID) []models.ID {
	out := make([]models.ID, len(xs))
	for k, x := range xs {
		out[k] = id(x)
	}
	return out
}

// checkSummary: a contact's tags/notes/companies summary agrees with the full list.
func checkSummary(t *testing.T, what string, contact models.ID, a *models.Addressables, ids []models.ID) {
	t.Helper()
	if a == nil || a.TotalCount != len(ids) || a.URL != "/contacts/"+string(contact)+"/"+what || len(a.Data) > 10 {
		t.Fatalf("contact %s %s summary %+v for %d items", contact, what, a, len(ids))
	}
	for k, ref := range a.Data {
		if ref.ID != ids[k] || ref.URL != "/"+what+"/"+string(ref.ID) {
			t.Errorf("contact %s %s ref %d: %+v, want id %s", contact, what, k, ref, ids[k])
		}
	}
}

func TestCompanies(t *testing.T) {
	w := New(8, 0, testNow)
	users := make([]int64, w.NumCompanies())
	for i := range w.NumContacts() {
		for _, c := range w.ContactCompanies(i) {
			j, _ := w.CompanyIndex(string(c.ID))
			users[j]++
		}
	}
	for i := range w.NumCompanies() {
		c := w.Company(i)
		if c.Name == "" || c.Plan == nil || c.Plan.Name == "" || c.Size == 0 || !strings.HasPrefix(c.Website, "https://") || c.Industry == "" {
			t.Errorf("company %d %+v", i, c)
		}
		if c.MonthlySpend != float64(int64(c.MonthlySpend)) {
			t.Errorf("company %d monthly_spend %v is not an integer (the schema says integer)", i, c.MonthlySpend)
		}
		if c.UserCount != users[i] {
			t.Errorf("company %d user_count %d, %d contacts", i, c.UserCount, users[i])
		}
		for k, v := range c.CustomAttributes {
			if _, ok := v.(string); !ok {
				t.Errorf("company %d custom attribute %s is %T (the schema says string)", i, k, v)
			}
		}
	}
}
