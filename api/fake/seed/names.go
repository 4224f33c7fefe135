package seed

import "strings"

// culture ties names, places, phone numbers and language together so a contact from
// Osaka has a Japanese name, a +81 mobile and writes in Japanese.
type culture struct {
	country, code string // location.country and ISO code
	lang          string // language the contact writes in (and browser_language)
	familyFirst   bool   // name order: family name first (ja, zh)
	firsts, lasts []string
	places        [][2]string // {region, city}
	phonePrefix   string      // E.164 prefix including the mobile range
	phoneDigits   int         // random digits after the prefix
	mailDomains   []string    // free-mail providers popular there
}

// Names are "display|romanised": the romanised half builds email addresses.
var cultures = []culture{
	{"Ireland", "IE", "en", false,
		[]string{"Aoife", "Ciarán", "Niamh", "Seán", "Siobhán", "Oisín", "Róisín", "Darragh"},
		[]string{"Murphy", "Ó Briain", "Kelly", "Byrne", "Ní Dhomhnaill", "Walsh", "O'Connor"},
		[][2]string{{"Leinster", "Dublin"}, {"Munster", "Cork"}, {"Connacht", "Galway"}},
		"+35383", 7, []string{"gmail.com", "eircom.net", "outlook.com"}},
	{"United States", "US", "en", false,
		[]string{"Emily", "Jordan", "Marcus", "Olivia", "Tyler", "Grace", "DeShawn", "Hannah"},
		[]string{"Johnson", "Rivera", "Nguyen", "Williams", "Patel", "Brooks", "García"},
		[][2]string{{"California", "San Francisco"}, {"New York", "New York"}, {"Texas", "Austin"}},
		"+1415555", 4, []string{"gmail.com", "yahoo.com", "icloud.com"}},
	{"United Kingdom", "GB", "en", false,
		[]string{"Oliver", "Amelia", "Harry", "Isla", "George", "Priya", "Callum"},
		[]string{"Smith", "Taylor", "Evans", "Khan", "Hughes", "Wright"},
		[][2]string{{"England", "London"}, {"England", "Manchester"}, {"Scotland", "Edinburgh"}},
		"+44740", 7, []string{"gmail.com", "btinternet.com", "outlook.com"}},
	{"Australia", "AU", "en", false,
		[]string{"Lachlan", "Chloe", "Mia", "Jack", "Zoe", "Cooper"},
		[]string{"Wilson", "Thompson", "Martin", "Nguyen", "Anderson"},
		[][2]string{{"New South Wales", "Sydney"}, {"Victoria", "Melbourne"}},
		"+6141", 7, []string{"gmail.com", "bigpond.com"}},
	{"Germany", "DE", "de", false,
		[]string{"Lukas", "Jörg", "Lena", "Mia", "Jürgen", "Sophie"},
		[]string{"Müller", "Schmidt", "Schäfer", "Weber", "Groß", "Becker"},
		[][2]string{{"Berlin", "Berlin"}, {"Bavaria", "Munich"}, {"Hamburg", "Hamburg"}},
		"+49151", 8, []string{"gmx.de", "web.de", "t-online.de"}},
	{"France", "FR", "fr", false,
		[]string{"Élodie", "Théo", "Chloé", "Jérôme", "Léa", "François"},
		[]string{"Martin", "Lefèvre", "Dubois", "Moreau", "Girard"},
		[][2]string{{"Île-de-France", "Paris"}, {"Auvergne-Rhône-Alpes", "Lyon"}},
		"+3361", 7, []string{"orange.fr", "free.fr", "gmail.com"}},
	{"Spain", "ES", "es", false,
		[]string{"Lucía", "Martín", "Sofía", "Alejandro", "Nuria"},
		[]string{"García", "Fernández", "López", "Muñoz", "Sánchez"},
		[][2]string{{"Madrid", "Madrid"}, {"Catalonia", "Barcelona"}},
		"+346", 8, []string{"gmail.com", "hotmail.es"}},
	{"Japan", "JP", "ja", true,
		[]string{"美咲|misaki", "健|ken", "陽翔|haruto", "さくら|sakura", "大輝|daiki", "結衣|yui"},
		[]string{"田中|tanaka", "佐藤|sato", "鈴木|suzuki", "高橋|takahashi", "伊藤|ito"},
		[][2]string{{"Tokyo", "Tokyo"}, {"Osaka", "Osaka"}, {"Kanagawa", "Yokohama"}},
		"+81903", 7, []string{"yahoo.co.jp", "gmail.com", "docomo.ne.jp"}},
	{"China", "CN", "zh", true,
		[]string{"芳|fang", "伟|wei", "静|jing", "磊|lei", "秀英|xiuying"},
		[]string{"王|wang", "李|li", "张|zhang", "刘|liu", "陈|chen"},
		[][2]string{{"Shanghai", "Shanghai"}, {"Guangdong", "Shenzhen"}, {"Beijing", "Beijing"}},
		"+86138", 8, []string{"qq.com", "163.com"}},
	{"United Arab Emirates", "AE", "ar", false,
		[]string{"ليلى|layla", "عمر|omar", "فاطمة|fatima", "يوسف|youssef", "مريم|mariam"},
		[]string{"حداد|haddad", "الحسيني|alhusseini", "منصور|mansour", "خليل|khalil"},
		[][2]string{{"Dubai", "Dubai"}, {"Abu Dhabi", "Abu Dhabi"}},
		"+97150", 7, []string{"gmail.com", "outlook.com"}},
	{"Russia", "RU", "ru", false,
		[]string{"Анна|anna", "Дмитрий|dmitry", "Ольга|olga", "Сергей|sergey", "Наталья|natalia"},
		[]string{"Смирнова|smirnova", "Иванов|ivanov", "Кузнецова|kuznetsova", "Попов|popov"},
		[][2]string{{"Moscow", "Moscow"}, {"Saint Petersburg", "Saint Petersburg"}},
		"+7916", 7, []string{"mail.ru", "yandex.ru"}},
	{"Greece", "GR", "el", false,
		[]string{"Γιώργος|giorgos", "Ελένη|eleni", "Νίκος|nikos", "Μαρία|maria"},
		[]string{"Παπαδόπουλος|papadopoulos", "Νικολάου|nikolaou", "Γεωργίου|georgiou"},
		[][2]string{{"Attica", "Athens"}, {"Central Macedonia", "Thessaloniki"}},
		"+3069", 8, []string{"gmail.com", "otenet.gr"}},
	{"Brazil", "BR", "pt", false,
		[]string{"João", "Ana", "Lucas", "Beatriz", "Gabriel"},
		[]string{"Silva", "Santos", "Oliveira", "Souza", "Conceição"},
		[][2]string{{"São Paulo", "São Paulo"}, {"Rio de Janeiro", "Rio de Janeiro"}},
		"+55119", 8, []string{"gmail.com", "uol.com.br"}},
	{"India", "IN", "en", false,
		[]string{"Aarav", "Ananya", "Rohan", "Diya", "Vikram"},
		[]string{"Sharma", "Iyer", "Reddy", "Gupta", "Menon"},
		[][2]string{{"Karnataka", "Bengaluru"}, {"Maharashtra", "Mumbai"}},
		"+919", 9, []string{"gmail.com", "rediffmail.com"}},
}

// cultureWeights favour the English-speaking markets a typical workspace serves.
var cultureWeights = []int{14, 16, 12, 6, 7, 6, 4, 7, 4, 4, 4, 3, 3, 5}

// display and roman split a "display|roman" name; plain names romanise by folding accents.
func display(s string) string {
	if i := strings.IndexByte(s, '|'); i >= 0 {
		return s[:i]
	}
	return s
}

var foldAccents = strings.NewReplacer("á", "a", "à", "a", "â", "a", "ã", "a", "ä", "ae", "é", "e", "è", "e",
	"ê", "e", "ë", "e", "í", "i", "î", "i", "ï", "i", "ó", "o", "ô", "o", "ö", "oe", "ú", "u", "û", "u", "ü", "ue",
	"ñ", "n", "ç", "c", "ß", "ss", "Á", "a", "É", "e", "Í", "i", "Ó", "o", "Ú", "u", "Ä", "ae", "Ö", "oe",
	"Ü", "ue", "Î", "i", "'", "", " ", "", "-", "")

func roman(s string) string {
	if i := strings.IndexByte(s, '|'); i >= 0 {
		return s[i+1:]
	}
	return strings.ToLower(foldAccents.Replace(s))
}

// fullName orders given and family names the way the culture writes them.
func (c *culture) fullName(first, last string) string {
	if c.familyFirst {
		return display(last) + " " + display(first)
	}
	return display(first) + " " + display(last)
}

// phone draws a mobile number that libphonenumber accepts as valid for the country.
func (c *culture) phone(r *rng) string {
	b := []byte(c.phonePrefix)
	for i := 0; i < c.phoneDigits; i++ {
		d := byte('0' + r.intn(10))
		if i == 0 && c.phonePrefix == "+1415555" {
			d = '0' // 555-01xx: the range reserved for fiction, still a valid NANP number
		}
		b = append(b, d)
	}
	return string(b)
}

// Admin pool: each seed staffs its workspace with 8 of these.
var adminPool = []struct{ name, first, title string }{
	{"Aoife Byrne", "aoife", "Head of Support"},
	{"Marcus Webb", "marcus", "Support Engineer"},
	{"佐藤 健", "ken", "Customer Success Manager"},
	{"Fatima Al-Sayed", "fatima", "Billing Specialist"},
	{"Dmitri Volkov", "dmitri", "Technical Support Lead"},
	{"Ελένη Παπαδάκη", "eleni", "Onboarding Specialist"},
	{"Priya Raman", "priya", "Support Engineer"},
	{"Lucas Martin", "lucas", "Solutions Engineer"},
	{"Siobhán Ní Bhriain", "siobhan", "Support Specialist"},
	{"Jonas Schäfer", "jonas", "API Support Engineer"},
	{"Chen Wei", "chen", "Support Team Lead"},
	{"Sofía Herrera", "sofia", "Customer Support Agent"},
}

var teamNames = []string{"Billing", "Technical Support", "Onboarding"}

var workspaceNames = []struct{ name, domain string }{
	{"Lumen Analytics", "lumenanalytics.io"},
	{"Northwind Cloud", "northwind.cloud"},
	{"Parcel Pilot", "parcelpilot.com"},
	{"Brightdesk", "brightdesk.app"},
	{"Harbor Payments", "harborpay.com"},
}

var tagNames = []string{"VIP", "Bug", "Refund", "Churn risk", "Feature request", "Billing",
	"Enterprise", "Onboarding", "Urgent 🔥", "Needs engineering", "Beta", "日本語サポート",
	"Feedback", "Security"}

var companyPool = []struct{ name, site, industry string }{
	{"Acme Robotics", "acmerobotics.com", "Manufacturing"},
	{"Blue Fern Studio", "bluefern.studio", "Design"},
	{"Cobalt Health", "cobalthealth.com", "Healthcare"},
	{"Dunmore Logistics", "dunmorelogistics.ie", "Logistics"},
	{"Evergreen Foods", "evergreenfoods.com", "Food & Beverage"},
	{"Fjord Fintech", "fjordfintech.no", "Financial Services"},
	{"Globex Corporation", "globex.com", "Conglomerate"},
	{"Helios Solar", "heliossolar.de", "Energy"},
	{"Initech", "initech.com", "Software"},
	{"Juniper Learning", "juniperlearning.org", "Education"},
	{"Kestrel Games", "kestrelgames.com", "Gaming"},
	{"Lighthouse Legal", "lighthouselegal.co.uk", "Legal"},
	{"Mosaic Media", "mosaicmedia.fr", "Media"},
	{"Nimbus Weather", "nimbusweather.io", "SaaS"},
	{"Orchard Retail", "orchardretail.com", "Retail"},
	{"桜テクノロジー", "sakura-tech.jp", "Software"},
	{"Quartz Insurance", "quartzinsurance.com", "Insurance"},
	{"Redwood Realty", "redwoodrealty.com", "Real Estate"},
	{"Saffron Travel", "saffrontravel.in", "Travel"},
	{"Tundra Outdoor", "tundraoutdoor.ca", "Retail"},
	{"Umbra Security", "umbrasec.io", "Cybersecurity"},
	{"Vertex Labs", "vertexlabs.ai", "Artificial Intelligence"},
	{"Wavelength Audio", "wavelength.audio", "Consumer Electronics"},
	{"Xenon Biotech", "xenonbio.com", "Biotechnology"},
	{"Yellowtail Marine", "yellowtail.com.au", "Maritime"},
	{"Zephyr Airlines", "zephyrair.com", "Aviation"},
	{"Αθηνά Software", "athena-soft.gr", "Software"},
	{"Москва Логистик", "mlogistic.ru", "Logistics"},
	{"Oasis Hospitality", "oasishotels.ae", "Hospitality"},
	{"Panda Express Shipping", "pandaship.cn", "Logistics"},
	{"Quokka Pay", "quokkapay.com.au", "Financial Services"},
	{"Rivet Hardware", "rivethardware.com", "Hardware"},
}

var planNames = []string{"Starter", "Pro", "Premium", "Enterprise"}
