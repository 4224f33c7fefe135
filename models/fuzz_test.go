package models

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// fuzzTargets are fresh values of every type a response decodes into (nested types are
// reached through them) and of the custom decoders on their own.
func fuzzTargets() []any {
	return []any{
		&Me{}, &Admin{}, &AdminList{}, &Team{}, &TeamList{}, &Article{}, &ArticleList{},
		&Collection{}, &CollectionList{}, &Section{}, &SectionList{}, &HelpCenterList{},
		&Company{}, &CompanyList{}, &Contact{}, &ContactList{}, &Tag{}, &DataTagList{},
		&SegmentList{}, &Note{}, &NoteList{}, &Conversation{}, &ConversationList{}, &Part{},
		&ErrorList{}, &PhoneSwitch{}, &PhoneSwitchError{}, &Ticket{}, &TicketPart{},
		&TicketType{}, &TicketTypeList{}, &TicketTypeAttributeList{}, &TicketList{},
		&Query{}, &SearchRequest{}, new(ID), new(NullString), new(NullInt),
		&ArticleTranslations{}, &GroupTranslations{}, &ArticleStatistics{},
	}
}

// unmarshaler is the custom decoders, called directly as encoding/json would: with
// one valid JSON value.
type unmarshaler interface{ UnmarshalJSON([]byte) error }

// FuzzDecode decodes arbitrary bytes into every model: no panic; what decodes encodes;
// and its encoding is a fixed point (decoding and encoding it again gives the same
// bytes), so nothing the client caches or sends is changed by a round trip.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"type":"conversation","id":1,"waiting_since":"1700000000","admin_assignee_id":null,"conversation_parts":{"conversation_parts":[{"id":"2","body":"<p>x</p>"}]}}`,
		`{"type":"list","data":[{"type":"company","id":"c1"}],"companies":[{"id":"c2"}],"pages":{"next":"https://x/contacts/1/companies?page=2"}}`,
		`{"type":"ticket_type.list","ticket_types":[{"id":"1","ticket_type_attributes":{"type":"list","data":[{"id":"3","input_options":{"a":[1,{"b":null}]}}]}}]}`,
		`{"type":"article_translated_content","type2":1,"fr":{"title":"t"},"de":null}`,
		`{"operator":"OR","value":[{"field":"id","operator":"IN","value":[1,2]},{"field":"x","operator":"=","value":1.5}]}`,
		`{"statistics":{"conversations":3,"conversions":0},"views":"1"}`,
		`"123"`, `123`, `1e400`, `"NaN"`, `"1e30"`, `-0`, `null`, `[]`, `{}`, `""`, `"\u0000\ud800"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		valid := json.Valid(data)
		for _, v := range fuzzTargets() {
			if u, ok := v.(unmarshaler); ok && valid {
				_ = u.UnmarshalJSON(bytes.Clone(data))
			}
		}
		for _, v := range fuzzTargets() {
			if json.Unmarshal(data, v) != nil {
				continue
			}
			first, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("%T decoded from %q does not encode: %v", v, data, err)
			}
			again := fresh(v)
			if err := json.Unmarshal(first, again); err != nil {
				t.Fatalf("%T: its own encoding %s does not decode: %v", v, first, err)
			}
			second, err := json.Marshal(again)
			if err != nil || !bytes.Equal(first, second) {
				t.Fatalf("%T: encoding is not stable:\n%s\n%s (%v)", v, first, second, err)
			}
		}
	})
}

// fresh returns a new zero value of the type v points to.
func fresh(v any) any { return reflect.New(reflect.TypeOf(v).Elem()).Interface() }
