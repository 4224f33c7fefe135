// Package phone reads a phone number as an agent types it ("083 234 5678", "00 44 7911
// 123456", "+1 (415) 555-2671") into the E.164 form Intercom's phone-call redirect
// takes, and says why when it cannot: the SMS goes to whatever number is sent, so a
// number that is not one (or cannot take an SMS) is refused here, before any request.
package phone

import (
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Number is a phone number that can receive an SMS.
type Number struct {
	E164          string // "+353832345678": what is sent
	International string // "+353 83 234 5678": what is shown
	Region        string // "IE" (CLDR region code of the number, not of the default)
	Country       string // "Ireland"
	Kind          string // "mobile", or "mobile or fixed line" where a plan does not tell them apart
}

// Error is a number refused, with the reason in words an agent can act on.
type Error struct {
	Input  string
	Reason string
}

func (e *Error) Error() string { return e.Reason }

// maxInput bounds what is parsed: no phone number is longer, and the library's
// parser is not meant for megabytes.
const maxInput = 64

// Parse reads input as a phone number dialled from defaultRegion (an ISO 3166 code
// such as "IE"; "" or an unknown code only allows numbers starting with + or 00).
// The number must be valid for its country and able to take an SMS (mobile, or a plan
// where mobile and fixed numbers share ranges); extensions are refused, as an SMS
// cannot reach one.
func Parse(input, defaultRegion string) (Number, error) {
	in := strings.TrimSpace(input)
	fail := func(format string, a ...any) (Number, error) {
		return Number{}, &Error{Input: input, Reason: fmt.Sprintf(format, a...)}
	}
	switch {
	case in == "":
		return fail("Enter the caller's phone number")
	case len(in) > maxInput:
		return fail("That is too long for a phone number")
	case hasLetters(in):
		return fail("A phone number has digits only (spaces, dashes, brackets and a leading + are fine)")
	}
	region := strings.ToUpper(strings.TrimSpace(defaultRegion))
	if strings.HasPrefix(in, "00") {
		// An international prefix: 00 is the one most of the world dials, and the
		// library only knows it as the default region's own.
		in = "+" + strings.TrimLeft(in[2:], " ")
	}
	num, err := phonenumbers.Parse(in, region)
	if err != nil {
		if !strings.HasPrefix(in, "+") && !phonenumbers.GetSupportedRegions()[region] {
			return fail("Start the number with + and its country code (no default country is set)")
		}
		return fail("That is not a phone number")
	}
	if num.GetExtension() != "" {
		return fail("An SMS cannot reach an extension: remove the extension (%s)", num.GetExtension())
	}
	international := phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
	if !phonenumbers.IsValidNumber(num) {
		where := regionName(phonenumbers.GetRegionCodeForCountryCode(int(num.GetCountryCode())))
		if where == "" {
			return fail("%s is not a valid phone number", international)
		}
		return fail("%s is not a valid number in %s", international, where)
	}
	nr := phonenumbers.GetRegionCodeForNumber(num)
	n := Number{
		E164:          phonenumbers.Format(num, phonenumbers.E164),
		International: international,
		Region:        nr,
		Country:       regionName(nr),
	}
	switch t := phonenumbers.GetNumberType(num); t {
	case phonenumbers.MOBILE:
		n.Kind = "mobile"
	case phonenumbers.FIXED_LINE_OR_MOBILE:
		n.Kind = "mobile or fixed line"
	default:
		return fail("%s is %s in %s: it cannot receive an SMS", international, kindName(t), n.Country)
	}
	return n, nil
}

func hasLetters(s string) bool {
	// "ext" and "x" are how extensions are written; they are refused as extensions.
	lower := strings.ToLower(s)
	for _, ext := range []string{"ext.", "ext", "x", "#"} {
		if i := strings.Index(lower, ext); i > 0 {
			lower = lower[:i]
			break
		}
	}
	return strings.IndexFunc(lower, unicode.IsLetter) >= 0
}

func kindName(t phonenumbers.PhoneNumberType) string {
	switch t {
	case phonenumbers.FIXED_LINE:
		return "a fixed line"
	case phonenumbers.TOLL_FREE:
		return "a toll-free number"
	case phonenumbers.PREMIUM_RATE:
		return "a premium-rate number"
	case phonenumbers.SHARED_COST:
		return "a shared-cost number"
	case phonenumbers.VOIP:
		return "an internet (VoIP) number"
	case phonenumbers.PAGER:
		return "a pager number"
	case phonenumbers.VOICEMAIL:
		return "a voicemail number"
	case phonenumbers.UAN, phonenumbers.PERSONAL_NUMBER:
		return "a redirecting number"
	}
	return "not a mobile number"
}

// regionName is a region code's English name ("IE" → "Ireland"), or the code itself.
func regionName(code string) string {
	if code == "" || code == "ZZ" || code == "001" {
		return ""
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if name := display.English.Regions().Name(r); name != "" {
		return name
	}
	return code
}

// Mask keeps the last four digits of a number and its leading +: what the local log of
// sent redirects keeps ("+•••••••5678").
func Mask(number string) string {
	var digits []rune
	for _, r := range number {
		if r >= '0' && r <= '9' {
			digits = append(digits, r)
		}
	}
	keep := min(4, len(digits))
	out := strings.Repeat("•", len(digits)-keep) + string(digits[len(digits)-keep:])
	if strings.HasPrefix(strings.TrimSpace(number), "+") {
		out = "+" + out
	}
	return out
}

// EnvRegion names the environment variable that sets the default region.
const EnvRegion = "INTERCOM_PHONE_REGION"

// DefaultRegion is the region a number without a country code is read in: the
// configured one (INTERCOM_PHONE_REGION), else the country of the user's locale
// (LC_ALL, LC_MESSAGES or LANG, e.g. en_IE.UTF-8 → IE), else "US". getenv is
// os.Getenv when nil.
func DefaultRegion(getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	if r := strings.ToUpper(strings.TrimSpace(getenv(EnvRegion))); r != "" {
		return r
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		loc := getenv(name)
		if loc == "" {
			continue
		}
		loc, _, _ = strings.Cut(loc, ".")
		loc, _, _ = strings.Cut(loc, "@")
		if _, country, ok := strings.Cut(loc, "_"); ok && len(country) == 2 {
			if phonenumbers.GetSupportedRegions()[strings.ToUpper(country)] {
				return strings.ToUpper(country)
			}
		}
		break // the first set variable decides, as for the C library
	}
	return "US"
}

// ValidRegion reports whether code is a region the parser knows.
func ValidRegion(code string) bool {
	return phonenumbers.GetSupportedRegions()[strings.ToUpper(code)]
}
