package common

import (
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
)

// NewInput returns a text input whose cursor does not blink: a blinking
// cursor would wake the program twice a second while a field is focused.
func NewInput(com Common) textinput.Model {
	in := textinput.New()
	st := textinput.DefaultStyles(com.Styles.Dark)
	st.Cursor.Blink = false
	in.SetStyles(st)
	return in
}

// NewTextArea returns a text area without a blinking cursor.
func NewTextArea(com Common) textarea.Model {
	ta := textarea.New()
	st := textarea.DefaultStyles(com.Styles.Dark)
	st.Cursor.Blink = false
	ta.SetStyles(st)
	return ta
}
