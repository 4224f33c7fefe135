// Package seed is the deterministic data of a fake Intercom workspace: admins, teams,
// tags, segments, contacts, companies, conversations, tickets and the help center.
//
// Nothing big is stored. Each item is derived on demand from (seed, kind, index) with its
// own hash-seeded random stream, so New is instant at any size, Conversation(i) costs the
// same for the first and the millionth conversation, and asking twice gives equal values.
// Only the small fixed sets (8 admins, 3 teams, ~200 contacts, 30 companies, id lookup
// tables) are built in New, and the activity order is built on first use.
//
// Every accessor returns a fresh value: callers (the fake HTTP handlers) may modify what
// they get without affecting the World, which is safe for concurrent use.
package seed

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

// DefaultConversations is the size of a World asked for with conversations <= 0.
const DefaultConversations = 300

// World is one seeded workspace.
type World struct {
	seed    uint64
	n       int
	now     time.Time
	nowUnix int64

	appID, appName, domain string
	createdAt              int64 // the workspace's creation
	botID                  int64

	admins   []adminBase
	teams    []teamBase
	tags     []tagBase
	segments []segmentBase

	contacts      []contactBase
	contactIdx    map[string]int
	phoneContacts []int // contacts reachable on phone channels (sms, whatsapp, calls)
	emailContacts []int // contacts with an email address

	companies  []companyBase
	companyIdx map[string]int

	convIDs   affine
	ticketIdx map[string]int
	articles  int // number of articles (curated, then derived)

	activityOnce sync.Once
	activity     []int32
}

type adminBase struct {
	id                  int64
	name, email, title  string
	avatar              string
	teams               []int64
	away, seat, primary bool
}

type teamBase struct {
	id      int64
	name    string
	members []int // admin indices
}

type tagBase struct {
	id   int64
	name string
}

type segmentBase struct {
	id, name, personType string
	count                int
	created, updated     int64
}

// Options size a World beyond New's conversations.
type Options struct {
	Conversations int // <= 0 means DefaultConversations
	// Articles is the number of help-center articles; <= 0 means the curated set (40).
	// Past the curated set, articles are derived on demand (see Article), so a large
	// help center costs no memory.
	Articles int
}

// New derives a workspace from seed with the given number of conversations (<= 0 means
// DefaultConversations). Timestamps lie before now (snoozed_until after it).
func New(seed int64, conversations int, now time.Time) *World {
	return NewWithOptions(seed, Options{Conversations: conversations}, now)
}

// NewWithOptions is New with every size given in opts.
func NewWithOptions(seed int64, opts Options, now time.Time) *World {
	conversations := opts.Conversations
	if conversations <= 0 {
		conversations = DefaultConversations
	}
	if conversations > affineMask {
		panic(fmt.Sprintf("seed: %d conversations is more than the id space holds", conversations))
	}
	w := &World{seed: uint64(seed), n: conversations, now: now, nowUnix: now.Unix()}
	r := newRNG(w.seed, kWorkspace, 0)
	ws := pick(&r, workspaceNames)
	w.appName, w.domain = ws.name, ws.domain
	const alnum = "abcdefghijklmnopqrstuvwxyz0123456789"
	id := make([]byte, 8)
	for i := range id {
		id[i] = alnum[r.intn(len(alnum))]
	}
	w.appID = string(id)
	w.createdAt = w.nowUnix - int64(r.between(700, 1400))*86400
	w.botID = int64(r.between(9_000_000, 9_999_999))
	w.convIDs = newAffine(&r)
	w.initStaff(&r)
	w.initPeople()
	w.initTickets()
	w.articles = len(articleDefs)
	if opts.Articles > 0 {
		w.articles = opts.Articles
	}
	return w
}

func (w *World) initStaff(r *rng) {
	order := perm(r, len(adminPool))
	for t, name := range teamNames {
		w.teams = append(w.teams, teamBase{id: int64(5_000_000 + t*1_237_911 + r.intn(100_000)), name: name})
	}
	for i := range 8 {
		a := adminPool[order[i]]
		b := adminBase{
			id:    int64(4_000_000 + i*310_007 + r.intn(300_000)),
			name:  a.name,
			email: a.first + "@" + w.domain,
			title: a.title,
			away:  i == 5,
			seat:  i != 7,
		}
		if i == 0 {
			b.title = "Head of Support"
		}
		if i != 6 {
			b.avatar = fmt.Sprintf("https://static.intercomassets.com/avatars/%d/square_128/%s.jpg?%d", b.id, a.first, w.createdAt+int64(i)*86400)
		}
		// Admin 0 leads every team; the others belong to one team, some to two.
		for t := range w.teams {
			if i == 0 || (i-1)%3 == t || (i%4 == 3 && (i+1)%3 == t) {
				b.teams = append(b.teams, w.teams[t].id)
				w.teams[t].members = append(w.teams[t].members, i)
			}
		}
		w.admins = append(w.admins, b)
	}
	for i, name := range tagNames {
		w.tags = append(w.tags, tagBase{id: int64(7_100_000 + i*1_013 + r.intn(1000)), name: name})
	}
	segs := []struct{ name, person string }{{"Active users", "user"}, {"New leads", "contact"},
		{"Enterprise accounts", "user"}, {"Slipping away", "user"}, {"Trial ending soon", "user"}}
	for _, s := range segs {
		created := w.createdAt + w.span(r, w.nowUnix-w.createdAt)
		w.segments = append(w.segments, segmentBase{id: hex24(created, r), name: s.name, personType: s.person,
			count: r.between(12, 4800), created: created, updated: created + w.span(r, w.nowUnix-created)})
	}
}

// span draws a duration in [0, max) seconds.
func (w *World) span(r *rng, max int64) int64 {
	if max <= 0 {
		return 0
	}
	return r.int64n(max)
}

// Now is the clock the World was built against.
func (w *World) Now() time.Time { return w.now }

// Workspace returns the app's id_code (also every object's workspace_id) and its name.
func (w *World) Workspace() (appIDCode, appName string) { return w.appID, w.appName }

// Me is GET /me: admin 0 with the workspace.
func (w *World) Me() models.Me {
	a := w.admin(0)
	verified := true
	me := models.Me{
		Type: "admin", ID: a.ID, Name: a.Name, Email: a.Email, JobTitle: a.JobTitle,
		AwayModeEnabled: a.AwayModeEnabled, AwayModeReassign: a.AwayModeReassign,
		HasInboxSeat: a.HasInboxSeat, TeamIDs: a.TeamIDs, EmailVerified: &verified,
		App: &models.App{Type: "app", IDCode: w.appID, Name: w.appName, Region: "US",
			Timezone: "Europe/Dublin", CreatedAt: w.createdAt, IdentityVerification: false},
	}
	if a.Avatar != "" {
		me.Avatar = &models.AvatarURL{ImageURL: a.Avatar}
	}
	return me
}

// Admins are the 8 teammates; index 0 is Me.
func (w *World) Admins() []models.Admin {
	out := make([]models.Admin, len(w.admins))
	for i := range w.admins {
		out[i] = w.admin(i)
	}
	return out
}

func (w *World) admin(i int) models.Admin {
	b := &w.admins[i]
	return models.Admin{Type: "admin", ID: models.ID(itoa(b.id)), Name: b.name, Email: b.email,
		JobTitle: b.title, AwayModeEnabled: b.away, AwayModeReassign: b.away, HasInboxSeat: b.seat,
		TeamIDs: slices.Clone(b.teams), Avatar: models.NullString(b.avatar),
		TeamPriorityLevel: &models.TeamPriorityLevel{PrimaryTeamIDs: slices.Clone(b.teams[:1]), SecondaryTeamIDs: slices.Clone(b.teams[1:])}}
}

// Teams are the 3 teams with their members' admin ids.
func (w *World) Teams() []models.Team {
	out := make([]models.Team, len(w.teams))
	for t, b := range w.teams {
		ids := make([]int64, len(b.members))
		for k, m := range b.members {
			ids[k] = w.admins[m].id
		}
		out[t] = models.Team{Type: "team", ID: models.ID(itoa(b.id)), Name: b.name, AdminIDs: ids,
			AdminPriorityLevel: &models.AdminPriorityLevel{PrimaryAdminIDs: slices.Clone(ids[:1]), SecondaryAdminIDs: slices.Clone(ids[1:])}}
	}
	return out
}

// Tags are the workspace's tags (GET /tags).
func (w *World) Tags() []models.Tag {
	out := make([]models.Tag, len(w.tags))
	for i, t := range w.tags {
		out[i] = models.Tag{Type: "tag", ID: models.ID(itoa(t.id)), Name: t.name}
	}
	return out
}

// Segments are the workspace's segments with their counts.
func (w *World) Segments() []models.Segment {
	out := make([]models.Segment, len(w.segments))
	for i := range w.segments {
		out[i] = w.segment(i)
	}
	return out
}

func (w *World) segment(i int) models.Segment {
	s := w.segments[i]
	count := s.count
	return models.Segment{Type: "segment", ID: models.ID(s.id), Name: s.name, CreatedAt: s.created,
		UpdatedAt: s.updated, PersonType: s.personType, Count: &count}
}

// ConversationID is the id of conversation i. It is defined for any i below 2^30, so a
// caller creating conversations can use ConversationID(NumConversations()+k) for new ones
// without ever colliding with a seeded id.
func (w *World) ConversationID(i int) string {
	return strconv.FormatUint(100_000_000+w.convIDs.apply(uint64(i)), 10)
}

// ConversationIndex inverts ConversationID for the seeded conversations.
func (w *World) ConversationIndex(id string) (int, bool) {
	v, err := strconv.ParseUint(id, 10, 64)
	if err != nil || v < 100_000_000 || v-100_000_000 > affineMask {
		return 0, false
	}
	i := w.convIDs.invert(v - 100_000_000)
	if i >= uint64(w.n) {
		return 0, false
	}
	return int(i), true
}

// NumConversations is the number of seeded conversations.
func (w *World) NumConversations() int { return w.n }

// ConversationsByActivity lists conversation indices by updated_at, newest first (ties by
// index). It is computed once, on first call: one cheap updated_at derivation per
// conversation, a sort of packed uint64 keys (8 bytes each, transient), then a []int32
// that stays cached (4 bytes per conversation: 4 MB for 1,000,000). Each call returns a
// fresh []int copy (8 MB for 1,000,000); hot paths should page through ActivityOrder.
func (w *World) ConversationsByActivity() []int {
	w.activityOnce.Do(w.buildActivity)
	out := make([]int, len(w.activity))
	for k, i := range w.activity {
		out[k] = int(i)
	}
	return out
}

// ActivityOrder is ConversationsByActivity without the copy: the cached []int32 itself
// (read-only), for callers that page through a million conversations.
func (w *World) ActivityOrder() []int32 {
	w.activityOnce.Do(w.buildActivity)
	return w.activity
}

func (w *World) buildActivity() {
	// Key = (newest - updated_at) << 32 | index: ascending key order is newest first, and
	// updated_at lies within ~90 days of now, so the age fits easily in 32 bits.
	keys := make([]uint64, w.n)
	for i := range keys {
		age := uint64(w.nowUnix - w.convUpdatedAt(i))
		keys[i] = age<<32 | uint64(i)
	}
	slices.Sort(keys)
	w.activity = make([]int32, w.n)
	for k, key := range keys {
		w.activity[k] = int32(key & 0xffffffff)
	}
}
