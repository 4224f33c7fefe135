package markdown

import (
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"

	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// newConverter builds the HTML → markdown converter: base + commonmark + table, with
// three rules of our own:
//   - links whose target is not http(s), mailto or tel render as their text only, so a
//     javascript: or data: href never reaches the terminal as something to click;
//   - images become an "ICON name" link line, ICON the theme's image icon (no inline
//     image in a terminal), and an <a> that only wraps an image yields the image
//     line alone (no nested links);
//   - text is sanitized once decoded (an &#x1b; in the HTML is a raw ESC by then) and
//     its "&" written as "&amp;": glamour entity-decodes every text token, so a
//     customer's literal "&copy;" would otherwise show as ©.
//
// <script>, <style>, <head>, <iframe>, comments … are removed by the base plugin.
func newConverter() *converter.Converter {
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		table.NewTablePlugin(),
	))
	conv.Register.RendererFor("a", converter.TagTypeInline, renderLink, converter.PriorityEarly)
	conv.Register.RendererFor("img", converter.TagTypeInline, renderImage, converter.PriorityEarly)
	conv.Register.TextTransformer(cleanText, converter.PriorityEarly) // before base adds &lt;
	return conv
}

func cleanText(_ converter.Context, content string) string {
	content = sanitize.String(content)
	if !strings.Contains(content, "&") {
		return content
	}
	return strings.ReplaceAll(content, "&", "&amp;")
}

// numericRef is an HTML numeric character reference, with or without its semicolon.
var numericRef = regexp.MustCompile(`&#([xX][0-9a-fA-F]+|[0-9]+);?`)

// dropControlRefs removes the numeric references to characters the sanitizer forbids.
// Glamour passes every text token through html.UnescapeString, so a customer who typed
// "&#27;[31m" (sent as &amp;#27; and decoded once by the HTML parser) would otherwise
// get a real ESC onto the terminal, after every sanitizer had already run.
func dropControlRefs(md string) string {
	if !strings.Contains(md, "&#") {
		return md
	}
	return numericRef.ReplaceAllStringFunc(md, func(ref string) string {
		m := numericRef.FindStringSubmatch(ref)[1]
		var n uint64
		var err error
		if m[0] == 'x' || m[0] == 'X' {
			n, err = strconv.ParseUint(m[1:], 16, 32)
		} else {
			n, err = strconv.ParseUint(m, 10, 32)
		}
		if err != nil {
			return "" // absurdly long: nothing a person typed to be read
		}
		if r := rune(n); sanitize.String(string(r)) == "" {
			return ""
		}
		return ref
	})
}

// linkSchemes are the link targets worth showing; anything else is text only.
var linkSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// safeURL reports whether raw is an absolute URL with an allowed scheme. Relative URLs
// are refused too: a thread has no base to resolve them against.
func safeURL(raw string, schemes map[string]bool) bool {
	if raw == "" {
		return false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return false
	}
	return schemes[strings.ToLower(u.Scheme)]
}

func renderLink(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	href := strings.TrimSpace(dom.GetAttributeOr(n, "href", ""))
	if onlyImages(n) {
		ctx.RenderChildNodes(ctx, w, n)
		return converter.RenderSuccess
	}
	if safeURL(href, linkSchemes) {
		return converter.RenderTryNext // the commonmark plugin writes [text](href)
	}
	ctx.RenderChildNodes(ctx, w, n)
	return converter.RenderSuccess
}

// onlyImages is true for an <a> whose content is images and whitespace.
func onlyImages(n *html.Node) bool {
	found := false
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				if strings.TrimSpace(c.Data) != "" {
					return false
				}
			case c.Type == html.ElementNode && c.Data == "img":
				found = true
			case c.Type == html.ElementNode:
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	return walk(n) && found
}

var imageSchemes = map[string]bool{"http": true, "https": true}

// imageMarkKey carries the image icon to renderImage through the conversion's context:
// one converter serves every theme.
type imageMarkKey struct{}

func renderImage(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	mark, _ := ctx.Value(imageMarkKey{}).(string)
	if mark == "" {
		mark = theme.PlainIcons.Image
	}
	src := strings.TrimSpace(dom.GetAttributeOr(n, "src", ""))
	ok := safeURL(src, imageSchemes)
	name := strings.TrimSpace(dom.GetAttributeOr(n, "alt", ""))
	if name == "" && ok {
		if u, err := url.Parse(src); err == nil {
			name = path.Base(u.Path)
		}
	}
	if name == "" || name == "/" || name == "." {
		name = "image"
	}
	name = escapeMarkdown(sanitize.Line(name))
	if !ok {
		w.WriteString(mark + " " + name)
		return converter.RenderSuccess
	}
	w.WriteString(mark + " [" + name + "](<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(src) + ">)")
	return converter.RenderSuccess
}

// escapeMarkdown backslash-escapes the characters that would make name markup.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]()<>#!|&~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
