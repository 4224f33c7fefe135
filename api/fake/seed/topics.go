package seed

// topic keeps one conversation coherent: the subject, the customer's messages and the
// admin's answers all come from the same support problem.
type topic struct {
	tag      string   // workspace tag that fits (see tagNames)
	team     int      // team that usually handles it (index into teamNames)
	subjects []string // email subjects and conversation titles
	openers  []string // the customer's first message
	follows  []string // customer follow-ups specific to the topic
	replies  []string // admin answers (HTML fragments)
	notes    []string // internal notes specific to the topic
}

var topics = []topic{
	{tag: "Billing", team: 0,
		subjects: []string{"Charged twice this month", "Invoice shows the wrong VAT number", "Question about my invoice", "Card declined on renewal"},
		openers: []string{
			"We were charged <b>twice</b> for the Pro plan on the 1st. Can you check what happened?",
			"Our latest invoice still has our old VAT number on it. We need it corrected for our accountants before month end.",
			"My card was declined when the subscription renewed, but the card works everywhere else.",
			"Could you explain the line item \"Additional seats (prorated)\" on invoice INV-2024-0381?",
		},
		follows: []string{"The second charge is still showing as pending on our statement.", "Here is the invoice: INV-2024-0381.", "Our finance team needs this by Friday."},
		replies: []string{
			"I can see the duplicate charge. It happened because the renewal was retried after a timeout from the bank. I've voided the second payment; it should drop off your statement within <b>5–10 business days</b>.",
			"You can update the VAT number yourself under " + link("https://app.example.com/settings/billing", "Settings → Billing") + ", then re-issue the invoice:" + ol("Open <b>Billing</b>", "Click <i>Edit company details</i>", "Save, then click <b>Regenerate invoice</b>"),
			"Prorated seats are charged when seats are added mid-cycle. The formula is:<br><code>price × seats × days_remaining / days_in_cycle</code>",
			"Card declines on renewal are usually the bank's fraud check on recurring charges. Could you ask them to allow charges from <b>EXAMPLE*BILLING</b>? I've paused the dunning emails for a week.",
		},
		notes: []string{"Stripe shows two captures 4s apart; retried webhook. Voided ch_3P2…", "VAT id validated against VIES ✅"}},
	{tag: "Security", team: 1,
		subjects: []string{"Can't log in", "2FA codes not working", "Locked out of my account", "SSO login loop"},
		openers: []string{
			"I can't log in since this morning. It says \"invalid credentials\" but I just reset my password.",
			"I got a new phone and my authenticator app codes don't work anymore. I'm completely locked out.",
			"When I sign in with Google SSO it just redirects back to the login page over and over.",
			"Password reset emails never arrive. I've checked spam.",
		},
		follows: []string{"I'm using the email I signed up with.", "Tried in an incognito window as well, same result.", "It's urgent, I have a demo in an hour!"},
		replies: []string{
			"Sorry about that! I've sent a fresh reset link. Please open it in the same browser, and note that links expire after <b>30 minutes</b>.",
			"To recover 2FA I need to verify ownership of the account. Could you reply from the account's email address with the last 4 digits of the card on file?",
			"The SSO loop is caused by third-party cookies being blocked. As a workaround:" + ul("Allow cookies for <code>app.example.com</code>", "Or sign in at "+link("https://app.example.com/login?sso=1", "the direct SSO URL")),
			"Our email provider had a delay earlier today; it has recovered. Could you try once more and let me know?",
		},
		notes: []string{"Identity verified via billing email ✅ Reset 2FA.", "Auth logs show 12 failed attempts from a new IP. Asked customer to confirm it was them."}},
	{tag: "Bug", team: 1,
		subjects: []string{"CSV export is empty", "Export stuck at 99%", "Scheduled export didn't run", "Accents broken in export"},
		openers: []string{
			"When I export contacts to CSV the file only has the header row.",
			"The export has been stuck at 99% for two hours.",
			"Our weekly scheduled export didn't arrive on Monday.",
			"Names with accents (é, ü, ñ) look like garbage in the exported CSV when I open it in Excel.",
		},
		follows: []string{"The export is about 40k rows, if that matters.", "I tried with a smaller date range and it worked."},
		replies: []string{
			"Excel assumes a legacy encoding for CSV files. The export is UTF-8, so import it via <b>Data → From Text/CSV</b> and pick <code>65001: Unicode (UTF-8)</code>.",
			"Thanks for the details! Exports over 25,000 rows are split into several files; the first one may only have headers. I've re-run yours, and here's the download: " + link("https://app.example.com/exports/8812", "export-8812.zip"),
			"There was a queue backlog on Monday that delayed scheduled exports. Yours has now been delivered. Sorry for the wait 🙏",
		},
		notes: []string{"Repro'd with a 40k-row export. Filed " + link("https://linear.app/acme/issue/EXP-221", "EXP-221") + ".", "Known issue, fix scheduled for next release."}},
	{tag: "Needs engineering", team: 1,
		subjects: []string{"API returns 429 Too Many Requests", "Getting 401 Unauthorized from the API", "500 error on POST /v1/orders", "Webhook signatures don't match"},
		openers: []string{
			"Since yesterday our integration gets <code>429 Too Many Requests</code> even though we only send ~50 requests a minute.",
			"Every call returns <code>401 Unauthorized</code> after we rotated the API token.",
			"<code>POST /v1/orders</code> fails with a 500 for about 1 in 20 requests. Request ids: <code>req_8f2c1a</code>, <code>req_91bb03</code>.",
			"We can't validate webhook signatures; the HMAC never matches.",
		},
		follows: []string{"We're on the Node SDK v4.2.", "Here's the response body we get:<br><code>{\"type\":\"error.list\",\"errors\":[{\"code\":\"unauthorized\"}]}</code>"},
		replies: []string{
			"Rate limits are per workspace and spread over 10-second windows, so bursts can hit the limit even at a low per-minute rate. Check the <code>X-RateLimit-Remaining</code> and <code>X-RateLimit-Reset</code> headers and back off until the reset time.",
			"After rotating, the old token stops working immediately. Make sure every service uses the new one, and send it as:<pre><code>Authorization: Bearer &lt;token&gt;</code></pre>",
			"Thanks for the request ids, that's super helpful. Engineering found a timeout in the order service and a fix is rolling out today.",
			"The signature is computed over the <i>raw</i> request body. If your framework parses the JSON first, the bytes change and the HMAC won't match. Docs: " + link("https://developers.example.com/webhooks#signatures", "Verifying signatures"),
		},
		notes: []string{"Escalated to #eng-api with request ids.", "Customer's retry loop has no backoff; 600 req/10s at peak."}},
	{tag: "Refund", team: 0,
		subjects: []string{"Refund request", "Cancel and refund annual plan", "Refund for unused seats"},
		openers: []string{
			"We upgraded to the annual plan by mistake. Can we get a refund and go back to monthly?",
			"We removed 10 seats last week. Will we be refunded for the unused time?",
			"I'd like to cancel my subscription and get a refund for this month, we never used it.",
		},
		follows: []string{"How long does the refund take?", "Can it go to a different card? The old one is cancelled."},
		replies: []string{
			"No problem! I've refunded the annual charge in full and switched you back to monthly. You'll get a confirmation email from our payment provider shortly 🎉",
			"Removed seats are credited to your balance rather than refunded, and the credit is applied automatically to your next invoice.",
			"I've processed a refund of <b>$49.00</b>. Refunds go back to the original payment method and take 5–10 business days.",
		},
		notes: []string{"Refund approved by @Aoife (within 14-day window).", "Partial refund only: outside the 30-day policy, made an exception given the outage."}},
	{tag: "Feature request", team: 2,
		subjects: []string{"Dark mode?", "Feature request: bulk edit", "Can we get an audit log?"},
		openers: []string{
			"Any plans for a dark mode? My eyes would thank you 😅",
			"Would love a way to bulk edit tags on many records at once.",
			"Our security team is asking for an audit log of admin actions. Is that on the roadmap?",
		},
		follows: []string{"Even a simple version would help us a lot.", "Happy to join a beta if you have one!"},
		replies: []string{
			"Great suggestion! I've added your vote to the request. You can follow progress on our " + link("https://roadmap.example.com", "public roadmap") + ".",
			"Good news: bulk editing is in beta. I've enabled it for your workspace. Select several rows with <kbd>Shift</kbd> and choose <b>Edit tags</b>.",
		},
		notes: []string{"+1 for audit log (3rd enterprise ask this month).", "Added to ProductBoard feature #412."}},
	{tag: "Onboarding", team: 2,
		subjects: []string{"Help setting up our workspace", "How do I invite my team?", "Importing data from our old tool"},
		openers: []string{
			"We just signed up 🎉 What's the best way to get started with a team of 15?",
			"How do I invite my teammates? I don't see the option.",
			"We're moving from another tool. Can we import our historical data?",
		},
		follows: []string{"Is there a setup call we could book?", "We have about 3 years of data."},
		replies: []string{
			"Welcome aboard 🎉 Here's what I'd suggest for the first week:" + ol("Invite your team from <b>Settings → Teammates</b>", "Connect your email inbox", "Set up your first "+link("https://help.example.com/articles/12-automation-rules", "automation rule")),
			"Only workspace admins can invite teammates. Ask your admin, or I can transfer ownership if the previous admin has left.",
			"Yes! We support CSV and JSON imports. Here's the template: " + link("https://help.example.com/import-template.csv", "import-template.csv") + ". For more than 100k records I can run the import for you.",
		},
		notes: []string{"Enterprise trial, 15 seats. Booked onboarding call for Thursday.", "Sent import template; follow up in 3 days."}},
	{tag: "Churn risk", team: 0,
		subjects: []string{"Cancel my account", "Delete all our data (GDPR)", "Downgrade to free plan"},
		openers: []string{
			"Please cancel our account at the end of the billing period.",
			"Under GDPR Article 17 I'm requesting deletion of all my personal data.",
			"We want to downgrade to the free plan. What do we lose?",
		},
		follows: []string{"Please confirm in writing once it's done.", "Can we export everything first?"},
		replies: []string{
			"Sorry to see you go! I've scheduled the cancellation for the end of your current period. You'll keep full access until then. Could I ask what we could have done better?",
			"I've submitted the deletion request. All personal data will be erased within <b>30 days</b> and you'll get a confirmation email. Note that invoices are kept for 7 years for legal reasons.",
			"On the free plan you keep up to 3 seats and 1,000 records. Automations and the API are disabled. Full comparison: " + link("https://example.com/pricing", "pricing"),
		},
		notes: []string{"Reason for churn: budget cuts. Offered 3 months at 50%.", "GDPR request logged in DSR tracker, due in 30 days."}},
	{tag: "Urgent 🔥", team: 1,
		subjects: []string{"Dashboard not loading", "Everything is really slow today", "Is there an outage?"},
		openers: []string{
			"The dashboard has been spinning forever for everyone in our team. Is something down?",
			"Pages take 20+ seconds to load today.",
			"We're getting a blank white screen after login.",
		},
		follows: []string{"It's affecting our whole support team.", "Status page says all green though 🤔"},
		replies: []string{
			"We're seeing elevated latency in our EU region and the team is on it. Follow " + link("https://status.example.com", "status.example.com") + " for updates; I'll message you here as soon as it's resolved.",
			"The incident is resolved 🎉 Root cause was a database failover that took longer than expected. Sorry for the disruption!",
			"Could you try a hard refresh (<kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd>)? We shipped a new version and a cached file can cause a blank screen.",
		},
		notes: []string{"Linked to incident INC-2291.", "Customer on EU shard 3, affected by the failover."}},
	{tag: "Feedback", team: 2,
		subjects: []string{"Love the new editor!", "Feedback on the mobile app", "Suggestion for the reports page"},
		openers: []string{
			"Just wanted to say the new editor is fantastic 👏 Great work!",
			"The mobile app logs me out every few days, which is annoying.",
			"The reports page would be more useful with a weekly breakdown.",
		},
		follows: []string{"Otherwise really happy with the product!", "Keep it up 🙌"},
		replies: []string{
			"Thank you so much, that made our day! I've shared it with the product team 🎉",
			"Thanks for the feedback! Sessions on mobile last 14 days by default; enable <i>Keep me signed in</i> in the app's settings to extend them.",
		},
		notes: []string{"Shared in #product-feedback.", "Mobile session length is a known request."}},
}

// phoneBodies describe calls for phone_call and phone_switch sources.
var phoneBodies = []string{
	"<p>Inbound call from {phone} (duration 4m 12s).</p><p><b>Topic:</b> {subject}</p>",
	"<p>Missed call from {phone}. Voicemail transcript:</p><p><i>\"Hi, it's {me}, calling about my account. Could you call me back?\"</i></p><p><b>Topic:</b> {subject}</p>",
}

var switchBodies = []string{
	"<p>Customer called from {phone} and chose to continue over SMS; a link to the Messenger was sent.</p><p><b>Topic:</b> {subject}</p>",
}
