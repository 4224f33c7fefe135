package seed

import (
	"fmt"
	"strings"
)

// The help center: 3 collections, their sections, and 40 articles. Titles are fixed (a
// help center is curated); seeds vary ids, dates, states, statistics and body details.

type collectionDef struct {
	name, desc, icon string
	fr               [2]string // French name and description: the second locale
	sections         []string
}

var collectionDefs = []collectionDef{
	{"Getting started", "Everything you need to set up your workspace", "rocket",
		[2]string{"Premiers pas", "Tout pour configurer votre espace de travail"},
		[]string{"Setting up your workspace", "Inviting your team"}},
	{"Billing & payments", "Invoices, plans, refunds and payment methods", "credit-card",
		[2]string{"Facturation et paiements", "Factures, forfaits, remboursements et moyens de paiement"},
		[]string{"Invoices", "Plans and pricing", "Refunds"}},
	{"Developers & API", "Build on top of the platform with the REST API and webhooks", "code",
		[2]string{"Développeurs et API", "Construire avec l'API REST et les webhooks"},
		[]string{"Authentication", "REST API", "Webhooks"}},
}

// articleDef places an article: collection, section (-1 = directly in the collection).
type articleDef struct {
	title      string
	collection int
	section    int
	long       bool              // a ~30 KB reference article
	titles     map[string]string // translated titles (fr, de, ja)
}

var articleDefs = []articleDef{
	{"Welcome! Start here", 0, -1, false, map[string]string{"fr": "Bienvenue ! Commencez ici", "ja": "ようこそ！まずはこちらから"}},
	{"Creating your workspace", 0, 0, false, nil},
	{"Connecting your email inbox", 0, 0, false, map[string]string{"de": "E-Mail-Postfach verbinden"}},
	{"Installing the Messenger on your website", 0, 0, false, map[string]string{"fr": "Installer le Messenger sur votre site", "de": "Den Messenger auf Ihrer Website installieren", "ja": "ウェブサイトにMessengerを設置する"}},
	{"Importing contacts from a CSV file", 0, 0, false, nil},
	{"Setting your office hours", 0, 0, false, nil},
	{"Inviting teammates", 0, 1, false, map[string]string{"fr": "Inviter des coéquipiers"}},
	{"Roles and permissions", 0, 1, false, nil},
	{"Creating teams and assignment rules", 0, 1, false, nil},
	{"Keyboard shortcuts", 0, -1, true, map[string]string{"ja": "キーボードショートカット"}},
	{"Understanding your invoice", 1, 0, false, map[string]string{"fr": "Comprendre votre facture", "de": "Ihre Rechnung verstehen"}},
	{"Adding a VAT or tax ID", 1, 0, false, nil},
	{"Downloading past invoices", 1, 0, false, nil},
	{"Why was my card declined?", 1, 0, false, map[string]string{"de": "Warum wurde meine Karte abgelehnt?"}},
	{"Comparing plans", 1, 1, false, nil},
	{"Upgrading or downgrading your plan", 1, 1, false, map[string]string{"fr": "Changer de forfait"}},
	{"How seat-based pricing works", 1, 1, false, nil},
	{"Annual vs monthly billing", 1, 1, false, nil},
	{"Requesting a refund", 1, 2, false, map[string]string{"fr": "Demander un remboursement", "de": "Eine Rückerstattung anfordern", "ja": "返金をリクエストする"}},
	{"Refund policy", 1, 2, false, nil},
	{"Cancelling your subscription", 1, 2, false, nil},
	{"Billing FAQ", 1, -1, true, nil},
	{"Creating an access token", 2, 0, false, map[string]string{"ja": "アクセストークンを作成する"}},
	{"Rotating and revoking tokens", 2, 0, false, nil},
	{"OAuth for public apps", 2, 0, false, nil},
	{"Getting started with the REST API", 2, 1, false, map[string]string{"fr": "Premiers pas avec l'API REST", "de": "Erste Schritte mit der REST-API"}},
	{"Pagination with cursors", 2, 1, false, nil},
	{"Searching conversations and contacts", 2, 1, false, nil},
	{"API rate limits", 2, 1, false, map[string]string{"ja": "APIのレート制限"}},
	{"API error codes", 2, 1, true, nil},
	{"API versioning", 2, 1, false, nil},
	{"Regional hosting (US, EU, AU)", 2, 1, false, nil},
	{"Setting up webhooks", 2, 2, false, map[string]string{"de": "Webhooks einrichten"}},
	{"Verifying webhook signatures", 2, 2, false, nil},
	{"Webhook retries and failures", 2, 2, false, nil},
	{"Webhook topics reference", 2, 2, true, nil},
	{"Exporting your data", 2, -1, false, map[string]string{"fr": "Exporter vos données"}},
	{"Scheduled exports", 2, -1, false, nil},
	{"Deleting personal data (GDPR)", 1, -1, false, map[string]string{"fr": "Supprimer des données personnelles (RGPD)", "de": "Personenbezogene Daten löschen (DSGVO)"}},
	{"Troubleshooting login problems", 0, -1, false, map[string]string{"ja": "ログインできない場合"}},
}

var articleIntros = []string{
	"This guide walks you through <b>%s</b> step by step. It takes about five minutes.",
	"Here's everything you need to know about <b>%s</b>, with examples.",
	"Most teams set this up in their first week. This article covers <b>%s</b> and the common pitfalls.",
}

var articleSteps = [][]string{
	{"Go to <b>Settings</b> in the left sidebar", "Choose <i>Workspace</i>", "Fill in your company name and time zone", "Click <b>Save</b>"},
	{"Open the <b>Billing</b> page", "Select the invoice you want", "Click <b>Download PDF</b>"},
	{"Go to <b>Developer Hub → Your apps</b>", "Create a new app", "Copy the access token from the <i>Authentication</i> page", "Store it in a secret manager, never in code"},
}

var articleCode = []string{
	"curl https://api.intercom.io/me \\\n  -H 'Authorization: Bearer &lt;token&gt;' \\\n  -H 'Intercom-Version: 2.9'",
	"{\n  \"type\": \"error.list\",\n  \"errors\": [{\"code\": \"rate_limit_exceeded\"}]\n}",
	"const sig = crypto.createHmac('sha256', secret)\n  .update(rawBody)\n  .digest('hex');",
}

// articleBody builds an article's HTML: headings, paragraphs, lists, an image, code, a
// table and links. Long articles append reference sections until they pass ~30 KB.
func articleBody(r *rng, d *articleDef, domain string) string {
	var b strings.Builder
	if r.chance(0.5) {
		b.WriteString("<h1>" + d.title + "</h1>")
	}
	b.WriteString(p(fmt.Sprintf(pick(r, articleIntros), strings.ToLower(d.title))))
	b.WriteString("<h2>Before you start</h2>")
	b.WriteString(ul("You need to be a workspace <b>admin</b>", "Have your account details handy",
		"Read "+link("https://help."+domain+"/en/articles/welcome", "Welcome! Start here")+" if you're new"))
	b.WriteString("<h2>Step by step</h2>")
	b.WriteString(ol(pick(r, articleSteps)...))
	fmt.Fprintf(&b, `<div class="intercom-container"><img src="https://downloads.intercomcdn.com/i/o/%d/%x/settings.png" alt="%s"></div>`,
		r.between(100000000, 999999999), r.next()&0xffffffffff, d.title)
	b.WriteString("<h3>Example</h3>")
	b.WriteString("<pre><code>" + pick(r, articleCode) + "</code></pre>")
	b.WriteString(p("Use <code>Intercom-Version: 2.9</code> on every request. Responses are <i>JSON</i>; timestamps are Unix seconds."))
	b.WriteString("<h2>Reference</h2>")
	b.WriteString(table([]string{"Setting", "Default", "Notes"}, [][]string{
		{"Time zone", "UTC", "Used for office hours and reports"},
		{"Language", "English", "Over 40 languages supported, including 日本語 and العربية"},
		{"Seats", "3", "Add more under <b>Billing</b>"},
	}))
	if d.long {
		for k := 0; b.Len() < 30_000; k++ {
			fmt.Fprintf(&b, "<h3>%d. %s</h3>", k+1, referenceTopics[k%len(referenceTopics)])
			b.WriteString(p(pick(r, referenceParagraphs), pick(r, referenceParagraphs)))
			rows := make([][]string, 6)
			for j := range rows {
				rows[j] = []string{fmt.Sprintf("<code>E%03d%d</code>", k, j), pick(r, errorMeanings), fmt.Sprintf("%d", []int{400, 401, 403, 404, 409, 422, 429, 500}[r.intn(8)])}
			}
			b.WriteString(table([]string{"Code", "Meaning", "HTTP status"}, rows))
		}
	}
	b.WriteString(p("Still stuck? " + link("https://"+domain+"/contact", "Contact support") + " and we'll help 🙌"))
	return b.String()
}

func table(head []string, rows [][]string) string {
	var b strings.Builder
	b.WriteString("<table><thead><tr>")
	for _, h := range head {
		b.WriteString("<th>" + h + "</th>")
	}
	b.WriteString("</tr></thead><tbody>")
	for _, row := range rows {
		b.WriteString("<tr>")
		for _, c := range row {
			b.WriteString("<td>" + c + "</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
	return b.String()
}

var referenceTopics = []string{"Authentication errors", "Validation errors", "Rate limiting", "Server errors",
	"Conversations", "Contacts", "Webhooks", "Exports", "Shortcuts in the inbox", "Billing events"}

var referenceParagraphs = []string{
	"Every error response is a JSON object with a <code>type</code> of <code>error.list</code> and one or more errors, each with a <code>code</code> and a human-readable <code>message</code>.",
	"Retry requests that fail with a 5xx status using exponential backoff, starting at one second and doubling up to a minute. Do not retry 4xx errors without changing the request.",
	"Timestamps are Unix seconds in UTC. The workspace time zone only affects how dates are <i>displayed</i> and how date filters in search are interpreted.",
	"Keyboard shortcuts work everywhere in the inbox: press <kbd>?</kbd> to see them all, <kbd>j</kbd>/<kbd>k</kbd> to move and <kbd>Enter</kbd> to open.",
	"If you're unsure, check the " + link("https://status.example.com", "status page") + " first: most sudden failures are incidents we're already handling.",
}

var errorMeanings = []string{"Access token invalid", "Missing required parameter", "Resource not found", "Rate limit exceeded",
	"Conflict: resource already exists", "Validation failed", "Internal error, retry later", "Plan doesn't include this feature"}

// Localised body templates for translations: a heading, a paragraph and a list.
var translatedBodies = map[string]string{
	"fr": "<h2>Présentation</h2><p>Ce guide explique <b>%s</b> étape par étape.</p><ol><li>Ouvrez les <b>Paramètres</b></li><li>Choisissez la section concernée</li><li>Cliquez sur <b>Enregistrer</b></li></ol><p>Besoin d'aide ? <a href=\"https://example.com/contact\">Contactez-nous</a>.</p>",
	"de": "<h2>Überblick</h2><p>Diese Anleitung erklärt <b>%s</b> Schritt für Schritt.</p><ol><li>Öffnen Sie die <b>Einstellungen</b></li><li>Wählen Sie den passenden Bereich</li><li>Klicken Sie auf <b>Speichern</b></li></ol><p>Fragen? <a href=\"https://example.com/contact\">Kontaktieren Sie uns</a>.</p>",
	"ja": "<h2>概要</h2><p>このガイドでは<b>%s</b>について順を追って説明します。</p><ol><li><b>設定</b>を開きます</li><li>該当する項目を選びます</li><li><b>保存</b>をクリックします</li></ol><p>ご不明な点は<a href=\"https://example.com/contact\">サポート</a>までお問い合わせください 🙏</p>",
}
