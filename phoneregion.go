package main

import (
	"os"
	"strings"

	"github.com/intercom-tui/intercom-tui/phone"
)

// phoneRegion is the country a number typed without its country code is read in when
// --phone-region is not given: INTERCOM_PHONE_REGION, else the config file's
// phone_region (its profile's), else the locale's country. source says which setting
// it came from, for messages (the environment's name stands for the locale too). The
// inbox and `redirect` both take it from here, so they agree.
func phoneRegion(fileRegion string) (region, source string) {
	if os.Getenv(phone.EnvRegion) == "" && fileRegion != "" {
		return strings.ToUpper(fileRegion), "phone_region"
	}
	return phone.DefaultRegion(nil), phone.EnvRegion
}
