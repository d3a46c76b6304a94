package styles

import "charm.land/bubbles/v2/filepicker"

// FilePicker is the file picker (the request form's file field) in the
// theme's colours.
func (s *Styles) FilePicker() filepicker.Styles {
	fp := filepicker.DefaultStyles()
	fp.Cursor = s.List.Cursor
	fp.DisabledCursor = s.List.Dimmed
	fp.Selected = s.List.Cursor
	fp.DisabledSelected = s.List.Dimmed
	fp.Directory = s.Label
	fp.Symlink = s.Link
	fp.File = s.List.Item
	fp.DisabledFile = s.List.Dimmed
	fp.Permission = s.Muted
	fp.FileSize = s.Muted.Width(7).AlignHorizontal(1) // right
	fp.EmptyDirectory = s.List.Empty.PaddingLeft(2).SetString("No files here.")
	return fp
}
