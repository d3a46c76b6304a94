package dinero

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

const maxPageSize = 1000

// paging is a validated page request.
type paging struct{ page, size int }

// parsePaging reads page (0-based) and pageSize (1..1000, default def).
func parsePaging(q url.Values, def int) (paging, *apiError) {
	pg := paging{page: 0, size: def}
	if v, ok := q["page"]; ok {
		n, err := strconv.ParseInt(strings.TrimSpace(v[0]), 10, 32)
		if err != nil || n < 0 {
			return pg, invalid("page", "page must be a whole number of 0 or more.")
		}
		pg.page = int(n)
	}
	if v, ok := q["pageSize"]; ok {
		n, err := strconv.ParseInt(strings.TrimSpace(v[0]), 10, 32)
		if err != nil || n < 1 {
			return pg, invalid("pageSize", "pageSize must be a whole number from 1 to 1000.")
		}
		if n > maxPageSize {
			return pg, invalid("pageSize", "pageSize cannot be larger than 1000.")
		}
		pg.size = int(n)
	}
	return pg, nil
}

// window returns the [from, to) slice bounds of the page within n items.
func (pg paging) window(n int) (from, to int) {
	start := int64(pg.page) * int64(pg.size)
	if start >= int64(n) {
		return n, n
	}
	end := min(start+int64(pg.size), int64(n))
	return int(start), int(end)
}

var changesSinceRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

// parseChangesSince reads changesSince (strict YYYY-MM-DDTHH:mm:ssZ); zero when absent.
func parseChangesSince(q url.Values) (time.Time, *apiError) {
	v := q.Get("changesSince")
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02T15:04:05Z", v)
	if !changesSinceRe.MatchString(v) || err != nil {
		return time.Time{}, invalid("changesSince", "changesSince must be a UTC time in the format YYYY-MM-DDTHH:mm:ssZ, e.g. 2015-08-18T06:36:22Z.")
	}
	return t, nil
}

// deletedMode says which items a list returns.
type deletedMode int

const (
	liveOnly deletedMode = iota
	deletedOnly
	liveAndDeleted
)

// parseDeletedOnly reads deletedOnly; absent gives whenAbsent.
func parseDeletedOnly(q url.Values, whenAbsent deletedMode) (deletedMode, *apiError) {
	v, ok := q["deletedOnly"]
	if !ok || v[0] == "" {
		return whenAbsent, nil
	}
	switch strings.ToLower(v[0]) {
	case "true":
		return deletedOnly, nil
	case "false":
		return liveOnly, nil
	}
	return 0, invalid("deletedOnly", "deletedOnly must be true or false.")
}

func (m deletedMode) keep(deleted bool) bool {
	switch m {
	case deletedOnly:
		return deleted
	case liveOnly:
		return !deleted
	}
	return true
}

var dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// validDate reports whether s is a real YYYY-MM-DD date.
func validDate(s string) bool {
	if !dateRe.MatchString(s) {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// dateRange is an optional inclusive YYYY-MM-DD range.
type dateRange struct{ from, to string }

func (d dateRange) set() bool { return d.from != "" }

func (d dateRange) contains(day string) bool { return !d.set() || (day >= d.from && day <= d.to) }

// parseDateRange reads startDate/endDate: both or neither, YYYY-MM-DD.
func parseDateRange(q url.Values) (dateRange, *apiError) {
	from, to := q.Get("startDate"), q.Get("endDate")
	switch {
	case from == "" && to == "":
		return dateRange{}, nil
	case from == "":
		return dateRange{}, invalid("startDate", "startDate is required when endDate is given.")
	case to == "":
		return dateRange{}, invalid("endDate", "endDate is required when startDate is given.")
	case !validDate(from):
		return dateRange{}, invalid("startDate", "startDate must be a date in the format YYYY-MM-DD.")
	case !validDate(to):
		return dateRange{}, invalid("endDate", "endDate must be a date in the format YYYY-MM-DD.")
	case from > to:
		return dateRange{}, invalid("startDate", "startDate must not be after endDate.")
	}
	return dateRange{from, to}, nil
}

// changedSince reports whether an entity with these stamps changed at or after t.
func changedSince(t time.Time, created, updated time.Time, deleted *time.Time) bool {
	if t.IsZero() {
		return true
	}
	if !created.Before(t) || !updated.Before(t) {
		return true
	}
	return deleted != nil && !deleted.Before(t)
}

// listQuery is the paging and filtering the contact and product lists
// accept.
type listQuery struct {
	pg    paging
	since time.Time
	mode  deletedMode
	conds []Condition
}

// parseListQuery reads page, pageSize, changesSince, deletedOnly (absent
// gives whenAbsent) and a queryFilter over filterFields, in that order.
func parseListQuery(q url.Values, whenAbsent deletedMode, filterFields []string) (listQuery, *apiError) {
	var lq listQuery
	var err *apiError
	if lq.pg, err = parsePaging(q, 100); err != nil {
		return lq, err
	}
	if lq.since, err = parseChangesSince(q); err != nil {
		return lq, err
	}
	if lq.mode, err = parseDeletedOnly(q, whenAbsent); err != nil {
		return lq, err
	}
	lq.conds, err = filterFor(q.Get("queryFilter"), filterFields)
	return lq, err
}

// keeps reports whether an entity with change times s, whose filterable
// fields value gives, belongs in the list.
func (lq listQuery) keeps(s *demodata.Stamps, value func(field string) string) bool {
	return lq.mode.keep(s.IsDeleted()) && changedSince(lq.since, s.CreatedAt, s.UpdatedAt, s.DeletedAt) &&
		matchAll(lq.conds, value)
}
