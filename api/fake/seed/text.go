package seed

import (
	"fmt"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// HTML building blocks. Intercom bodies are HTML, and the UI converts them to markdown, so
// the corpus deliberately exercises paragraphs, <br>, links, <b>/<i>, lists, code and <img>.

// p wraps each part in a paragraph. A part that ends in a block (a list, <pre>, an image
// container) keeps the block outside the paragraph, as valid HTML requires.
func p(parts ...string) string {
	var b strings.Builder
	for _, s := range parts {
		block := len(s)
		for _, tag := range []string{"<ul>", "<ol>", "<pre>", "<div"} {
			if k := strings.Index(s, tag); k >= 0 && k < block {
				block = k
			}
		}
		if block > 0 {
			b.WriteString("<p>")
			b.WriteString(s[:block])
			b.WriteString("</p>")
		}
		b.WriteString(s[block:])
	}
	return b.String()
}

func ul(items ...string) string { return list("ul", items) }
func ol(items ...string) string { return list("ol", items) }

func list(tag string, items []string) string {
	var b strings.Builder
	b.WriteString("<" + tag + ">")
	for _, it := range items {
		b.WriteString("<li>" + it + "</li>")
	}
	b.WriteString("</" + tag + ">")
	return b.String()
}

func link(href, text string) string { return `<a href="` + href + `">` + text + `</a>` }

// fill replaces {key} placeholders.
func fill(s string, vars map[string]string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	for k, v := range vars {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// Greetings and sign-offs wrap customer and admin messages; {first} is the addressee.
var customerGreetings = []string{"Hi there,", "Hello!", "Hey team,", "Hi,", "Good morning,", ""}
var customerSignoffs = []string{"Thanks!", "Thanks in advance 🙏", "Cheers,<br>{me}", "Regards,<br>{me}", "", "Much appreciated 👍"}
var adminGreetings = []string{"Hi {first} 👋", "Hey {first},", "Hi {first},", "Hello {first},", "Thanks for reaching out, {first}!"}
var adminSignoffs = []string{"Let me know if there's anything else I can help with!", "Have a great day 🎉",
	"Talk soon,<br>{me}", "Best,<br>{me}", "Hope that helps! 🙏", ""}

// Customer follow-ups that fit any topic.
var customerGeneric = []string{
	"Any update on this? It's been a couple of days.",
	"Thanks, that worked! 🎉",
	"Hmm, still seeing the same thing on my side.",
	"Sorry, I missed your message. Yes, that's the right account.",
	"Great, thank you so much 🙏",
	"Attached a screenshot of what I'm seeing.",
	"I tried that but it didn't help. Could you take another look?",
	"Perfect 👍",
	"Is there a phone number I can call instead?",
	"Ok, I'll wait for your update.",
	"One more question: does this also apply to our <b>staging</b> workspace?",
	"It happens on both Chrome and Safari, if that helps.",
}

// Non-English customers write in their own language (short, everyday support phrases).
var customerByLang = map[string][]string{
	"ja": {"ログインできません。助けていただけますか？🙏", "請求書の金額が間違っているようです。", "ありがとうございます！解決しました 🎉",
		"エクスポートしたCSVが文字化けしています。", "まだ同じエラーが出ます。確認をお願いします。"},
	"zh": {"我无法登录我的账户，请帮忙。", "发票金额好像不对。", "谢谢！问题解决了 👍", "导出的文件打不开。", "请问什么时候能修复？"},
	"ar": {"لا أستطيع تسجيل الدخول إلى حسابي.", "تم خصم المبلغ مرتين من بطاقتي.", "شكراً جزيلاً! 🙏", "هل يمكنكم مساعدتي في إلغاء الاشتراك؟", "ما زالت المشكلة قائمة."},
	"ru": {"Не могу войти в аккаунт, помогите пожалуйста.", "С карты списали деньги дважды.", "Спасибо, всё заработало! 🎉", "Экспорт в CSV не работает.", "Есть новости по моему вопросу?"},
	"el": {"Δεν μπορώ να συνδεθώ στον λογαριασμό μου.", "Χρεωθήκαμε δύο φορές αυτόν τον μήνα.", "Ευχαριστώ πολύ! 👍", "Η εξαγωγή δεδομένων δεν ολοκληρώνεται.", "Υπάρχει κάποια ενημέρωση;"},
	"de": {"Ich kann mich nicht mehr einloggen. Können Sie helfen?", "Wir wurden diesen Monat doppelt belastet.", "Vielen Dank, das hat funktioniert! 🎉", "Der CSV-Export enthält keine Umlaute (ä, ö, ü).", "Gibt es schon Neuigkeiten?"},
	"fr": {"Je n'arrive plus à me connecter à mon compte.", "Nous avons été facturés deux fois ce mois-ci.", "Merci beaucoup, ça marche ! 🎉", "L'export CSV ne se télécharge pas.", "Avez-vous des nouvelles ?"},
	"es": {"No puedo iniciar sesión en mi cuenta.", "Nos han cobrado dos veces este mes.", "¡Muchas gracias, ya funciona! 🎉", "La exportación a CSV no termina nunca.", "¿Hay alguna novedad?"},
	"pt": {"Não consigo entrar na minha conta.", "Fomos cobrados duas vezes este mês.", "Muito obrigado, funcionou! 🎉", "A exportação para CSV não termina.", "Alguma novidade?"},
}

// Admin replies to non-English customers acknowledge the language, as real teams do.
var adminMultilingual = []string{
	"Thanks for your message! I've run it through translation and I'm looking into it now. I'll reply in English if that's ok, or I can loop in a colleague who speaks your language.",
	"I've asked a teammate who speaks your language to follow up. In the meantime, could you send a screenshot of the error?",
}

// Notes are internal: terse, with mentions and links to internal tools.
var noteGeneric = []string{
	"Checked the logs: nothing obvious. Escalating to engineering.",
	"<b>Heads up:</b> this customer is on an annual contract, renewal next month.",
	"Spoke to them on the phone, they're happy with the workaround for now.",
	"Linked to " + link("https://linear.app/acme/issue/SUP-1432", "SUP-1432") + ". Same root cause as last week's incident.",
	"Customer mentioned they're evaluating a competitor 😬 Flagging as churn risk.",
	"@team can someone with admin access double-check the account owner?",
	"Duplicate of an earlier conversation; merged context here.",
}

// Bot (Operator / Fin) messages.
var botReplies = []string{
	"Thanks for getting in touch! The team typically replies in <b>under 2 hours</b>. We'll be back online tomorrow at 9am.",
	"Hi! I'm Fin, an AI agent. I found an article that might help: " + link("https://help.example.com/articles/1-getting-started", "Getting started") + ". Did that answer your question?",
	"Give the team a way to reach you:<br>We'll let you know here and by email.",
	"Your conversation has been passed to our support team. Someone will be with you shortly 🙌",
	"Was this answer helpful? 👍 👎",
}

var closeBodies = []string{
	"<p>Closing this out for now. Just reply here if anything else comes up 👋</p>",
	"<p>Glad we could sort this out! Closing the conversation.</p>",
	"<p>We haven't heard back in a while, so we're closing this conversation. Reply any time to reopen it.</p>",
}

var assignBodies = []string{
	"<p>Passing this over to billing, they can issue the credit.</p>",
	"<p>Reassigning: needs someone with API access.</p>",
}

// snippets are attachments-as-HTML and rich fragments sprinkled into comments.
func imgSnippet(r *rng) string {
	n := r.between(100000, 999999)
	return fmt.Sprintf(`<div class="intercom-container"><img src="https://downloads.intercomcdn.com/i/o/%d/%x/screenshot.png" width="%d" height="%d"></div>`,
		n, r.next()&0xffffffffff, pick(r, []int{1280, 1440, 1920}), pick(r, []int{720, 900, 1080}))
}

var attachmentKinds = []struct {
	name, ctype string
	image       bool
}{
	{"screenshot.png", "image/png", true},
	{"Screen Shot 2024-05-02 at 10.14.22.png", "image/png", true},
	{"photo.jpg", "image/jpeg", true},
	{"invoice-INV-2024-0381.pdf", "application/pdf", false},
	{"export.csv", "text/csv", false},
	{"error.log", "text/plain", false},
	{"請求書.pdf", "application/pdf", false},
}

func attachment(r *rng) models.Attachment {
	k := pick(r, attachmentKinds)
	a := models.Attachment{
		Type:        "upload",
		Name:        k.name,
		URL:         fmt.Sprintf("https://downloads.intercomcdn.com/i/o/%d/%x/%s", r.between(100000000, 999999999), r.next()&0xffffffffffff, urlName(k.name)),
		ContentType: k.ctype,
		Filesize:    int64(r.between(2_000, 4_000_000)),
	}
	if k.image {
		a.Width, a.Height = pick(r, []int{800, 1280, 1920, 3024}), pick(r, []int{600, 720, 1080, 1964})
	}
	return a
}

// urlName percent-encodes what a CDN URL cannot carry raw (spaces, non-ASCII).
func urlName(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c == ' ' || c >= 0x80 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// slug turns a title into the URL slug Intercom's help center uses.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
