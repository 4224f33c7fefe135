// Package fake is a fake Intercom workspace speaking REST API 2.9 over real HTTP: an
// http.Handler serving deterministic seeded data at any size (package seed), holding
// client writes in memory, and injecting faults on demand (package faults). Every test
// of the api client and the UI runs against it, and `go run .` without a token demos it.
//
// It behaves as ../shared/intercom-openapi-2.9.yaml says Intercom does: the same paths,
// envelopes, cursor pages, error.list bodies and codes from the spec's examples, bearer
// auth, Intercom-Version checks and X-RateLimit-* headers. POST /tickets/search answers
// with the 2.10 semantics (it does not exist in 2.9). Its tests validate every route's
// requests and answers against the spec with kin-openapi.
//
// Memory stays small at any size: the seeded World is derived on demand and read-only;
// the workspace keeps only overlays of what clients changed (overlay.go).
package fake

import (
	"context"
	"errors"
	"net"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/api/fake/seed"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/models"
)

// Defaults of Options.
const (
	DefaultSize  = 300
	DefaultToken = "demo-token"
)

// Options configure a Workspace. The zero value is a 300-conversation demo workspace on
// the real clock, with seed 0 and token "demo-token".
type Options struct {
	Seed int64 // drives every seeded item and request id
	Size int   // number of conversations (default 300)
	// Articles is the number of help-center articles (0: the curated 40). More are
	// derived on demand from the curated ones; only their order is kept (8 bytes each).
	Articles int
	Token    string           // the bearer token it accepts (default "demo-token")
	Clock    clock.Clock      // all timestamps and rate-limit windows (default clock.Real)
	Faults   *faults.Injector // optional; wraps the workspace, in front of auth

	RateLimit        int  // X-RateLimit-Limit per 10-second window (default 167)
	EnforceRateLimit bool // answer 429 rate_limit_exceeded once a window is spent

	Addr string // Start only: listen address (default "127.0.0.1:0")
}

// Workspace is the fake Intercom workspace. It is safe for concurrent use.
type Workspace struct {
	opts     Options
	clock    clock.Clock
	world    *seed.World
	mux      *http.ServeMux
	patterns []string // every registered route, as Count keys them
	handler  http.Handler

	// Small fixed sets, built once (the World hands out fresh copies per call).
	admins       []models.Admin
	teams        []models.Team
	articleOrder []int
	collections  []models.Collection
	sections     []models.Section

	mu        sync.RWMutex // guards the write overlay below
	convs     map[int]*convOverlay
	tickets   map[int]*ticketOverlay
	people    map[int]*contactOverlay
	companies map[int][]models.Tag   // tags of companies clients tagged or untagged
	notes     map[string]models.Note // notes clients created, by id
	tags      []models.Tag           // the workspace's tags, seeded and created
	renamed   map[string]string      // tag id → new name
	lastID    int64
	writeSeq  int64

	reqSeq  atomic.Uint64
	limiter rateLimiter
	obs     observer
}

// New builds a workspace. Only the small fixed sets are built now; conversations are
// derived when asked for, so a million-conversation workspace starts at once.
func New(opts Options) *Workspace {
	if opts.Size <= 0 {
		opts.Size = DefaultSize
	}
	if opts.Token == "" {
		opts.Token = DefaultToken
	}
	if opts.Clock == nil {
		opts.Clock = clock.Real{}
	}
	if opts.RateLimit <= 0 {
		opts.RateLimit = DefaultRateLimit
	}
	world := seed.NewWithOptions(opts.Seed, seed.Options{Conversations: opts.Size, Articles: opts.Articles}, opts.Clock.Now())
	ws := &Workspace{
		opts:      opts,
		clock:     opts.Clock,
		world:     world,
		admins:    world.Admins(),
		teams:     world.Teams(),
		tags:      world.Tags(),
		convs:     map[int]*convOverlay{},
		tickets:   map[int]*ticketOverlay{},
		people:    map[int]*contactOverlay{},
		companies: map[int][]models.Tag{},
		notes:     map[string]models.Note{},
		renamed:   map[string]string{},
	}
	ws.initHelpCenter()
	ws.mux = http.NewServeMux()
	ws.routes()
	var inner http.Handler = ws.gate(ws.mux)
	if opts.Faults != nil {
		inner = opts.Faults.Wrap(inner)
	}
	ws.handler = ws.observe(inner)
	return ws
}

// ServeHTTP answers one request as Intercom would.
func (ws *Workspace) ServeHTTP(w http.ResponseWriter, r *http.Request) { ws.handler.ServeHTTP(w, r) }

// Token is the bearer token the workspace accepts.
func (ws *Workspace) Token() string { return ws.opts.Token }

// World is the seeded data behind the workspace (read-only), for tests that need to
// know what it holds, e.g. a conversation id or the signed-in admin.
func (ws *Workspace) World() *seed.World { return ws.world }

// routes registers every endpoint; each pattern is also the key of Count.
func (ws *Workspace) routes() {
	h := func(pattern string, f func(*http.Request) (any, error)) {
		ws.mux.Handle(pattern, handler(f))
		ws.patterns = append(ws.patterns, pattern)
	}
	h("GET /me", ws.identifyAdmin)
	h("GET /admins", ws.listAdmins)
	h("GET /admins/{id}", ws.retrieveAdmin)
	h("GET /teams", ws.listTeams)
	h("GET /teams/{id}", ws.retrieveTeam)
	h("GET /tags", ws.listTags)
	h("POST /tags", ws.createTag)
	h("GET /segments", ws.listSegments)

	h("GET /conversations", ws.listConversations)
	h("POST /conversations/search", ws.searchConversations)
	h("GET /conversations/{id}", ws.retrieveConversation)
	h("PUT /conversations/{id}", ws.updateConversation)
	h("POST /conversations/{id}/reply", ws.replyConversation)
	h("POST /conversations/{id}/parts", ws.manageConversation)
	h("POST /conversations/{conversation_id}/tags", ws.attachTagToConversation)
	h("DELETE /conversations/{conversation_id}/tags/{id}", ws.detachTagFromConversation)

	h("GET /contacts", ws.listContacts)
	h("POST /contacts/search", ws.searchContacts)
	h("GET /contacts/{id}", ws.showContact)
	h("GET /contacts/{id}/companies", ws.listCompaniesForAContact)
	h("GET /contacts/{contact_id}/segments", ws.listSegmentsForAContact)
	h("GET /contacts/{contact_id}/tags", ws.listTagsForAContact)
	h("POST /contacts/{contact_id}/tags", ws.attachTagToContact)
	h("DELETE /contacts/{contact_id}/tags/{id}", ws.detachTagFromContact)
	h("GET /contacts/{id}/notes", ws.listNotes)
	h("POST /contacts/{id}/notes", ws.createNote)
	h("GET /notes/{id}", ws.retrieveNote)
	h("GET /companies/{id}", ws.retrieveCompany)

	h("GET /tickets/{id}", ws.getTicket)
	h("PUT /tickets/{id}", ws.updateTicket)
	h("POST /tickets/{id}/reply", ws.replyTicket)
	h("POST /tickets/search", ws.searchTickets)
	h("GET /ticket_types", ws.listTicketTypes)
	h("GET /ticket_types/{id}", ws.getTicketType)

	h("GET /articles", ws.listArticles)
	h("GET /articles/{id}", ws.retrieveArticle)
	h("GET /help_center/collections", ws.listAllCollections)
	h("GET /help_center/collections/{id}", ws.retrieveCollection)
	h("GET /help_center/sections", ws.listAllSections)
	h("GET /help_center/sections/{id}", ws.retrieveSection)
	h("GET /help_center/help_centers", ws.listHelpCenters)
	h("GET /help_center/help_centers/{id}", ws.retrieveHelpCenter)

	ws.mux.HandleFunc("POST /phone_call_redirects", ws.createPhoneSwitch)
	ws.patterns = append(ws.patterns, "POST /phone_call_redirects")

	// Anything else, including a known path with another method, is Intercom's 404.
	h("/", func(*http.Request) (any, error) { return nil, notFound(msgResourceNotFound) })
}

// Routes lists every route the workspace serves, as "METHOD /path/{template}" (the catch-all
// 404 is "/").
func (ws *Workspace) Routes() []string { return slices.Clone(ws.patterns) }

// InjectorFromEnv builds a fault injector from INTERCOM_FAKE_FAULTS (see faults.ParseSpec)
// for Options.Faults; nil when the variable is unset or empty.
func InjectorFromEnv(c clock.Clock, seed int64) (*faults.Injector, error) {
	rules, err := faults.FromEnv()
	if err != nil || len(rules) == 0 {
		return nil, err
	}
	in := faults.New(c, uint64(seed))
	if err := in.Add(rules...); err != nil {
		return nil, err
	}
	return in, nil
}

// Server is a workspace listening on a real TCP port: the demo and `serve-demo`.
type Server struct {
	ws  *Workspace
	srv *http.Server
	url string
}

// Start builds a workspace and serves it on opts.Addr (default 127.0.0.1:0, a free port).
func Start(opts Options) (*Server, error) {
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	ws := New(opts)
	srv := &http.Server{Handler: ws, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return &Server{ws: ws, srv: srv, url: "http://" + ln.Addr().String()}, nil
}

// URL is the base URL to give the api client, e.g. "http://127.0.0.1:53124".
func (s *Server) URL() string { return s.url }

// Workspace is the served workspace, for counters and the log.
func (s *Server) Workspace() *Workspace { return s.ws }

// Close stops the server, letting requests in flight finish for up to two seconds.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return s.srv.Close()
	}
	return err
}
