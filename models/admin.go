package models

// Admin is a teammate (GET /admins, /admins/{id}).
type Admin struct {
	Type              string             `json:"type"`
	ID                ID                 `json:"id"`
	Name              string             `json:"name"`
	Email             string             `json:"email"`
	JobTitle          string             `json:"job_title"`
	AwayModeEnabled   bool               `json:"away_mode_enabled"`
	AwayModeReassign  bool               `json:"away_mode_reassign"`
	HasInboxSeat      bool               `json:"has_inbox_seat"`
	TeamIDs           []int64            `json:"team_ids"`
	Avatar            NullString         `json:"avatar"`
	TeamPriorityLevel *TeamPriorityLevel `json:"team_priority_level,omitempty"`
}

// TeamPriorityLevel is an admin's primary and secondary teams.
type TeamPriorityLevel struct {
	PrimaryTeamIDs   []int64 `json:"primary_team_ids"`
	SecondaryTeamIDs []int64 `json:"secondary_team_ids"`
}

// Me is GET /me: the signed-in admin with the workspace (app) it belongs to.
type Me struct {
	Type             string     `json:"type"`
	ID               ID         `json:"id"`
	Name             string     `json:"name"`
	Email            string     `json:"email"`
	JobTitle         string     `json:"job_title"`
	AwayModeEnabled  bool       `json:"away_mode_enabled"`
	AwayModeReassign bool       `json:"away_mode_reassign"`
	HasInboxSeat     bool       `json:"has_inbox_seat"`
	TeamIDs          []int64    `json:"team_ids"`
	Avatar           *AvatarURL `json:"avatar,omitempty"`
	EmailVerified    *bool      `json:"email_verified"`
	App              *App       `json:"app"`
}

// AvatarURL is the avatar object of /me.
type AvatarURL struct {
	Type     string     `json:"type,omitempty"`
	ImageURL NullString `json:"image_url"`
}

// App is the workspace: its id_code builds web-app URLs, region and timezone shape the UI.
type App struct {
	Type                 string `json:"type"`
	IDCode               string `json:"id_code"`
	Name                 string `json:"name"`
	Region               string `json:"region"`
	Timezone             string `json:"timezone"`
	CreatedAt            int64  `json:"created_at"`
	IdentityVerification bool   `json:"identity_verification"`
}

// AdminList is GET /admins.
type AdminList struct {
	Type   string  `json:"type"`
	Admins []Admin `json:"admins"`
}

// Team is a group of admins (GET /teams).
type Team struct {
	Type               string              `json:"type"`
	ID                 ID                  `json:"id"`
	Name               string              `json:"name"`
	AdminIDs           []int64             `json:"admin_ids"`
	AdminPriorityLevel *AdminPriorityLevel `json:"admin_priority_level,omitempty"`
}

// AdminPriorityLevel is a team's primary and secondary admins.
type AdminPriorityLevel struct {
	PrimaryAdminIDs   []int64 `json:"primary_admin_ids"`
	SecondaryAdminIDs []int64 `json:"secondary_admin_ids"`
}

// TeamList is GET /teams.
type TeamList struct {
	Type  string `json:"type"`
	Teams []Team `json:"teams"`
}
