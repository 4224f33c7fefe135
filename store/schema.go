package store

// migrations are the schema, one step per version: PRAGMA user_version is the number of
// steps applied. Steps are only ever appended; a released step is never edited, so a
// store written by any older build migrates forward by running the steps it lacks.
var migrations = []string{
	// 1: the cached resources and the sync bookkeeping.
	`
CREATE TABLE help_centers (
	id         TEXT PRIMARY KEY,
	updated_at INTEGER NOT NULL,
	json       TEXT NOT NULL
);
CREATE TABLE collections (
	id             TEXT PRIMARY KEY,
	help_center_id TEXT NOT NULL DEFAULT '',
	ord            INTEGER NOT NULL DEFAULT 0,
	name           TEXT NOT NULL DEFAULT '',
	updated_at     INTEGER NOT NULL,
	json           TEXT NOT NULL
);
CREATE TABLE sections (
	id         TEXT PRIMARY KEY,
	parent_id  TEXT NOT NULL DEFAULT '',
	ord        INTEGER NOT NULL DEFAULT 0,
	name       TEXT NOT NULL DEFAULT '',
	updated_at INTEGER NOT NULL,
	json       TEXT NOT NULL
);
CREATE TABLE articles (
	pk             INTEGER PRIMARY KEY,
	id             TEXT NOT NULL UNIQUE,
	parent_id      TEXT NOT NULL DEFAULT '',
	parent_ids     TEXT NOT NULL DEFAULT '',
	parent_type    TEXT NOT NULL DEFAULT '',
	state          TEXT NOT NULL DEFAULT '',
	updated_at     INTEGER NOT NULL,
	default_locale TEXT NOT NULL DEFAULT '',
	url            TEXT NOT NULL DEFAULT '',
	title          TEXT NOT NULL DEFAULT '',
	description    TEXT NOT NULL DEFAULT '',
	body_html      TEXT NOT NULL DEFAULT '',
	body_text      TEXT NOT NULL DEFAULT '',
	json           TEXT NOT NULL
);
CREATE INDEX articles_parent ON articles(parent_id, title);
CREATE TABLE article_translations (
	article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	locale      TEXT NOT NULL,
	title       TEXT NOT NULL DEFAULT '',
	description TEXT NOT NULL DEFAULT '',
	body_html   TEXT NOT NULL DEFAULT '',
	body_text   TEXT NOT NULL DEFAULT '',
	state       TEXT NOT NULL DEFAULT '',
	updated_at  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, locale)
);
CREATE TABLE conversations (
	id               TEXT PRIMARY KEY,
	title            TEXT NOT NULL DEFAULT '',
	updated_at       INTEGER NOT NULL,
	parts_updated_at INTEGER NOT NULL DEFAULT 0,
	json             TEXT NOT NULL
);
CREATE INDEX conversations_updated ON conversations(updated_at DESC);
CREATE TABLE conversation_parts (
	pk              INTEGER PRIMARY KEY,
	conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
	part_id         TEXT NOT NULL,
	is_source       INTEGER NOT NULL DEFAULT 0,
	created_at      INTEGER NOT NULL DEFAULT 0,
	author          TEXT NOT NULL DEFAULT '',
	body_text       TEXT NOT NULL DEFAULT '',
	json            TEXT NOT NULL,
	UNIQUE (conversation_id, part_id)
);
CREATE TABLE contacts (
	id         TEXT PRIMARY KEY,
	updated_at INTEGER NOT NULL,
	json       TEXT NOT NULL
);
CREATE TABLE tickets (
	id         TEXT PRIMARY KEY,
	updated_at INTEGER NOT NULL,
	json       TEXT NOT NULL
);
CREATE TABLE sync_state (
	resource              TEXT PRIMARY KEY,
	cursor                TEXT NOT NULL DEFAULT '',
	high_water_updated_at INTEGER NOT NULL DEFAULT 0,
	started_at            INTEGER NOT NULL DEFAULT 0,
	finished_at           INTEGER NOT NULL DEFAULT 0,
	done                  INTEGER NOT NULL DEFAULT 0
);
`,
	// 2: full-text search. External-content FTS5 tables (their columns named as the
	// content tables' so 'rebuild' can read them) kept in step by triggers, then filled
	// from whatever rows step 1 already holds.
	`
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, description, body_text,
	content='articles', content_rowid='pk',
	tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, description, body_text)
	VALUES (new.pk, new.title, new.description, new.body_text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, description, body_text)
	VALUES ('delete', old.pk, old.title, old.description, old.body_text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, description, body_text)
	VALUES ('delete', old.pk, old.title, old.description, old.body_text);
	INSERT INTO articles_fts(rowid, title, description, body_text)
	VALUES (new.pk, new.title, new.description, new.body_text);
END;
CREATE VIRTUAL TABLE parts_fts USING fts5(
	body_text,
	content='conversation_parts', content_rowid='pk',
	tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER parts_ai AFTER INSERT ON conversation_parts BEGIN
	INSERT INTO parts_fts(rowid, body_text) VALUES (new.pk, new.body_text);
END;
CREATE TRIGGER parts_ad AFTER DELETE ON conversation_parts BEGIN
	INSERT INTO parts_fts(parts_fts, rowid, body_text) VALUES ('delete', old.pk, old.body_text);
END;
CREATE TRIGGER parts_au AFTER UPDATE ON conversation_parts BEGIN
	INSERT INTO parts_fts(parts_fts, rowid, body_text) VALUES ('delete', old.pk, old.body_text);
	INSERT INTO parts_fts(rowid, body_text) VALUES (new.pk, new.body_text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
INSERT INTO parts_fts(parts_fts) VALUES ('rebuild');
`,
	// 3: resumable runs. run_since is the lower bound the interrupted run queried with
	// (a search cursor is only valid for the same query); run_high is the newest
	// updated_at that run has seen, promoted to the high-water mark when it finishes.
	`
ALTER TABLE sync_state ADD COLUMN run_since INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN run_high INTEGER NOT NULL DEFAULT 0;
`,
	// 4: the workspace directory (/me, /admins, /teams) as JSON, so the app can start
	// offline with the last one it loaded.
	`
CREATE TABLE directory (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	saved_at   INTEGER NOT NULL DEFAULT 0,
	json       TEXT NOT NULL
);
`,
	// 5: what each list view showed last (its ids in order), so a pane can show the
	// same list at once (and offline) before the network answers.
	`
CREATE TABLE views (
	key      TEXT PRIMARY KEY,
	saved_at INTEGER NOT NULL DEFAULT 0,
	total    INTEGER NOT NULL DEFAULT 0,
	ids      TEXT NOT NULL
);
`,
	// 6: the local log of phone-call redirects sent (numbers masked to the last four
	// digits: the log is for "did that SMS go out?", not a phone book).
	`
CREATE TABLE redirects (
	id         INTEGER PRIMARY KEY,
	sent_at    INTEGER NOT NULL,
	phone      TEXT NOT NULL,
	country    TEXT NOT NULL DEFAULT '',
	attrs      TEXT NOT NULL DEFAULT '{}',
	result     TEXT NOT NULL,
	message    TEXT NOT NULL DEFAULT '',
	url        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX redirects_sent ON redirects(sent_at DESC);
`,
}

// SchemaVersion is the schema version a store has after Open.
func SchemaVersion() int { return len(migrations) }
