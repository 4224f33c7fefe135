package models

import "encoding/json"

// Company is an organisation contacts belong to.
type Company struct {
	Type             string          `json:"type"`
	ID               ID              `json:"id"`
	Name             string          `json:"name"`
	AppID            string          `json:"app_id"`
	Plan             *Plan           `json:"plan,omitempty"`
	CompanyID        string          `json:"company_id"`
	RemoteCreatedAt  int64           `json:"remote_created_at"`
	CreatedAt        int64           `json:"created_at"`
	UpdatedAt        int64           `json:"updated_at"`
	LastRequestAt    int64           `json:"last_request_at"`
	Size             int64           `json:"size"`
	Website          string          `json:"website"`
	Industry         string          `json:"industry"`
	MonthlySpend     float64         `json:"monthly_spend"`
	SessionCount     int64           `json:"session_count"`
	UserCount        int64           `json:"user_count"`
	CustomAttributes map[string]any  `json:"custom_attributes"`
	Tags             *TagList        `json:"tags,omitempty"`
	Segments         json.RawMessage `json:"segments,omitempty"`
}

// Plan is a company's plan: {type, id, name}; the examples also send {}.
type Plan struct {
	Type string `json:"type,omitempty"`
	ID   ID     `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// CompanyList is GET /contacts/{id}/companies. The schema names the items `companies`
// and its pages a pages_link; the example uses `data`. Both are read.
type CompanyList struct {
	Type       string     `json:"type"`
	Data       []Company  `json:"data"`
	TotalCount int        `json:"total_count"`
	Pages      *LinkPages `json:"pages"`
}

func (l *CompanyList) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	type plain CompanyList
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	items, err := listOf[Company](raw, "data", "companies")
	if err != nil {
		return err
	}
	p.Data = items
	*l = CompanyList(p)
	return nil
}
