package io.zgw.alerts.template;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {

	record Data(String status, Kv labels, List<Object> items, GoTime at) implements TemplateValue {

		@Override
		public @Nullable Object field(String name) {
			return switch (name) {
				case "Status" -> this.status;
				case "Labels" -> this.labels;
				case "Items" -> this.items;
				case "At" -> this.at;
				default -> throw TemplateValue.noSuchField(name, this);
			};
		}

	}

	private static final Data DATA = new Data("firing",
			new Kv(Map.of("severity", "critical", "alertname", "Load", "instance", "db-1")), List.of("x", "y", "z"),
			GoTime.of(Instant.parse("2026-03-07T14:05:09.120Z")));

	private static String run(String text) throws TemplateException {
		return Templates.defaults().parse(text).execute(DATA);
	}

	private static void assertParseError(String text, String message) {
		assertThatThrownBy(() -> Templates.defaults().parse(text)).isInstanceOf(TemplateException.class)
			.hasMessage(message);
	}

	private static void assertRunError(String text, String message) {
		assertThatThrownBy(() -> run(text)).isInstanceOf(TemplateException.class).hasMessage(message);
	}

	@Test
	void printsFieldsMapKeysAndLiterals() throws TemplateException {
		assertThat(run("{{ .Status }} {{ .Labels.alertname }} on {{ .Labels.instance }}"))
			.isEqualTo("firing Load on db-1");
		assertThat(run("[{{ .Labels.missing }}]")).as("missingkey=zero").isEqualTo("[]");
		assertThat(run("{{ \"a\\tb\" }} {{ `raw\\n` }} {{ 42 }} {{ -7 }} {{ 0x1F }} {{ 1.5 }} {{ 'a' }} {{ true }}"))
			.isEqualTo("a\tb raw\\n 42 -7 31 1.5 97 true");
		assertThat(run("{{ .Items | len }} {{ $.Status }}")).isEqualTo("3 firing");
	}

	@Test
	void printsCompositeValuesAsGo() throws TemplateException {
		assertThat(run("{{ .Labels }}")).isEqualTo("map[alertname:Load instance:db-1 severity:critical]");
		assertThat(run("{{ .Items }} {{ .Labels.SortedPairs }}"))
			.isEqualTo("[x y z] [{alertname Load} {instance db-1} {severity critical}]");
		assertThat(run("{{ 1000000.0 }} {{ 123456.0 }} {{ 0.00001 }}")).isEqualTo("1e+06 123456 1e-05");
	}

	@Test
	void trimMarkersEatAdjacentWhiteSpace() throws TemplateException {
		assertThat(run("a  \n {{- .Status -}} \n\t b")).isEqualTo("afiringb");
		assertThat(run("a {{- .Status }} b")).isEqualTo("afiring b");
		assertThat(run("a {{ .Status -}} b")).isEqualTo("a firingb");
		assertThat(run("{{ 3 }} {{-3}}")).as("{{-3}} is the number -3, not a trim").isEqualTo("3 -3");
		assertThat(run("<\n{{- if true }}\n  yes\n{{- end }}\n>")).isEqualTo("<\n  yes\n>");
	}

	@Test
	void commentsVanish() throws TemplateException {
		assertThat(run("a{{/* note */}}b")).isEqualTo("ab");
		assertThat(run("a {{- /* multi\nline */ -}} b")).isEqualTo("ab");
		assertParseError("a{{/* open", "unclosed comment at 1:2");
		assertParseError("{{/* x */ .Status }}", "comment ends before closing delimiter at 1:1");
	}

	@Test
	void ifElseIfElse() throws TemplateException {
		String text = "{{ if eq .Status \"resolved\" }}R{{ else if eq .Labels.severity \"critical\" }}C"
				+ "{{ else if .Labels.missing }}M{{ else }}E{{ end }}";
		assertThat(run(text)).isEqualTo("C");
		assertThat(run("{{ if .Labels.missing }}yes{{ else }}no{{ end }}")).isEqualTo("no");
		assertThat(run("{{ if .Items }}{{ len .Items }}{{ end }}")).isEqualTo("3");
		assertThat(run("{{ if and .Items (not .Labels.missing) }}ok{{ end }}")).isEqualTo("ok");
	}

	@Test
	void withSetsDotAndHasElse() throws TemplateException {
		assertThat(run("{{ with .Labels.instance }}on {{ . }}{{ end }}")).isEqualTo("on db-1");
		assertThat(run("{{ with .Labels.missing }}{{ . }}{{ else }}none ({{ .Status }}){{ end }}"))
			.isEqualTo("none (firing)");
		assertThat(run("{{ with .Labels.missing }}a{{ else with .Labels.severity }}{{ . }}{{ end }}"))
			.isEqualTo("critical");
	}

	@Test
	void rangeOverListsAndMapsWithVariablesAndElse() throws TemplateException {
		assertThat(run("{{ range .Items }}<{{ . }}>{{ end }}")).isEqualTo("<x><y><z>");
		assertThat(run("{{ range $i, $e := .Items }}{{ $i }}={{ $e }} {{ end }}")).isEqualTo("0=x 1=y 2=z ");
		assertThat(run("{{ range $e := .Items }}{{ $e }}{{ end }}")).as("one variable is the element").isEqualTo("xyz");
		assertThat(run("{{ range $k, $v := .Labels }}{{ $k }}:{{ $v }};{{ end }}"))
			.isEqualTo("alertname:Load;instance:db-1;severity:critical;");
		assertThat(run("{{ range .Labels.SortedPairs }}{{ .Name }} {{ end }}"))
			.isEqualTo("alertname instance severity ");
		assertThat(run("{{ range .Labels.Remove .Labels.Names }}x{{ else }}empty{{ end }}")).isEqualTo("empty");
		assertThat(run("{{ range stringSlice }}x{{ else }}none{{ end }}")).isEqualTo("none");
		assertThat(run("{{ range .Items }}{{ $.Status }}{{ end }}")).isEqualTo("firingfiringfiring");
	}

	@Test
	void variablesDeclareAssignAndScope() throws TemplateException {
		assertThat(run("{{ $s := .Status }}{{ $s }} {{ $s = \"other\" }}{{ $s }}")).isEqualTo("firing other");
		assertThat(run("{{ $last := \"\" }}{{ range .Items }}{{ $last = . }}{{ end }}{{ $last }}")).isEqualTo("z");
		assertThat(run("{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}")).isEqualTo("21");
		assertParseError("{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}", "undefined variable \"$x\" at 1:39");
		assertParseError("{{ $y = 1 }}", "undefined variable \"$y\" at 1:4");
	}

	@Test
	void defineTemplateAndBlock() throws TemplateException {
		assertThat(run("{{ define \"sev\" }}[{{ .severity }}]{{ end }}{{ template \"sev\" .Labels }}"))
			.isEqualTo("[critical]");
		assertThat(run("{{ define \"t\" }}{{ . }}{{ end }}{{ template \"t\" }}")).isEqualTo("<no value>");
		assertThat(run("{{ block \"b\" .Status }}<{{ . }}>{{ end }}")).isEqualTo("<firing>");
		assertThat(run("{{ define \"d\" }}{{ $ }}{{ end }}{{ template \"d\" 7 }}")).isEqualTo("7");
		assertParseError("{{ define \"a\" }}x{{ end }}{{ define \"a\" }}y{{ end }}",
				"multiple definition of template \"a\" at 1:27");
		assertParseError("{{ if true }}{{ define \"a\" }}{{ end }}{{ end }}",
				"unexpected {{define}}: define only at the top level at 1:14");
		assertRunError("x{{ template \"nope\" . }}", "template \"nope\" not defined at 1:2");
		assertRunError("{{ define \"r\" }}{{ template \"r\" }}{{ end }}{{ template \"r\" }}",
				"exceeded maximum template depth (1000) at 1:17");
	}

	@Test
	void templatesFromFilesReplaceDefaultsUnlessEmpty() throws TemplateException {
		Templates templates = Templates.defaults()
			.with("team.tmpl", "{{ define \"__alertmanager\" }}zgw{{ end }}{{ define \"__description\" }}{{ end }}"
					+ "{{ define \"team\" }}{{ template \"__alertmanager\" . }} team{{ end }}");
		assertThat(templates.parse("{{ template \"team\" . }}").execute(null)).isEqualTo("zgw team");
		assertThatThrownBy(() -> Templates.defaults().with("bad.tmpl", "\n{{ define \"x\" }}{{ .A }"))
			.hasMessage("unexpected \"}\" in action at bad.tmpl:2:23");
	}

	@Test
	void builtinFunctions() throws TemplateException {
		assertThat(run("{{ index .Items 1 }} {{ index .Labels \"instance\" }} [{{ index .Labels \"nope\" }}]"))
			.isEqualTo("y db-1 []");
		assertThat(run("{{ len .Labels }} {{ len \"héllo\" }}")).as("len of a string counts bytes").isEqualTo("3 6");
		assertThat(run("{{ eq .Status \"resolved\" \"firing\" }} {{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} "
				+ "{{ gt \"b\" \"a\" }} {{ ge 1.5 2.5 }}"))
			.isEqualTo("true true true true true false");
		assertThat(run("{{ lt \"Ａ\" \"😀\" }}")).as("strings compare in code point order, as Go's").isEqualTo("true");
		assertThat(run("{{ or .Labels.missing \"dflt\" }} {{ and 1 0 }} {{ and 1 2 }} {{ not .Items }}"))
			.isEqualTo("dflt 0 2 false");
		assertThat(run("{{ and false (index .Items 99) }}")).as("and stops at the first false").isEqualTo("false");
		assertThat(run("{{ print \"a\" 1 2 \"b\" }}|{{ println 1 \"x\" }}|")).isEqualTo("a1 2b|1 x\n|");
		assertThat(run("{{ html \"<a href='x'>&\\\"\" }} {{ urlquery \"a b/c?d=é~*\" }} {{ js \"it's <b>\" }}"))
			.isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&#34; a+b%2Fc%3Fd%3D%C3%A9~%2A it\\'s \\u003Cb\\u003E");
	}

	@Test
	void printfVerbs() throws TemplateException {
		assertThat(run("{{ printf \"%s=%q %d|%5d|%-4d|%03d %.2f %v %t %x %%\" \"a\" \"b\\n\" 7 42 3 5 3.14159 .Items"
				+ " true 255 }}"))
			.isEqualTo("a=\"b\\n\" 7|   42|3   |005 3.14 [x y z] true ff %");
		assertThat(run("{{ printf \"%d %s\" \"x\" }}")).isEqualTo("%!d(string=x) %!s(MISSING)");
		assertThat(run("{{ printf \"%s\" \"a\" \"b\" }}")).isEqualTo("a%!(EXTRA string=b)");
		assertThat(run("{{ .Status | printf \"<%s>\" }}")).isEqualTo("<firing>");
	}

	@Test
	void alertmanagerFunctions() throws TemplateException {
		assertThat(run("{{ .Status | toUpper }} {{ toLower \"ÀB\" }} {{ title \"disk full on db-1\" }}"))
			.isEqualTo("FIRING àb Disk Full On Db-1");
		// As Alertmanager 0.25 (checked in conformance/slack-templates.yml).
		assertThat(run("{{ title \"hello wOrld, don't HTTP_5XX a.b über 1st\" }}"))
			.isEqualTo("Hello World, Don't Http_5xx A.b Über 1St");
		assertThat(run("{{ join \", \" .Labels.Values }}|{{ .Labels.Names | join \" \" }}"))
			.isEqualTo("Load, db-1, critical|alertname instance severity");
		assertThat(run("{{ match \"^db-\\\\d$\" .Labels.instance }} {{ match \"x\" \"abc\" }}"))
			.isEqualTo("true false");
		assertThat(run("{{ reReplaceAll \"(\\\\w+)-(?P<n>\\\\d)\" \"$n:${1}$$\" .Labels.instance }}"))
			.isEqualTo("1:db$");
		assertThat(run("{{ trimSpace \"\\n  x \\t\" }}|{{ stringSlice \"a\" \"b\" | join \"+\" }}")).isEqualTo("x|a+b");
		assertThat(run("{{ with .Labels.Remove (stringSlice \"alertname\" \"severity\") }}{{ .Values }}{{ end }}"))
			.isEqualTo("[db-1]");
	}

	@Test
	void sortedPairsPutAlertnameFirst() throws TemplateException {
		Kv labels = new Kv(Map.of("zone", "z", "alertname", "A", "job", "j"));
		assertThat(labels.sortedPairs().names()).containsExactly("alertname", "job", "zone");
		assertThat(Templates.defaults().parse("{{ .SortedPairs.Values }} {{ .Names }}").execute(labels))
			.isEqualTo("[A j z] [alertname job zone]");
	}

	@Test
	void htmlModeEscapesPrintedValuesButNotSafeHtml() throws TemplateException {
		Template template = Templates.defaults()
			.parse("<b>{{ .x }}</b>{{ safeHtml .x }}{{ define \"t\" }}<i>{{ . }}</i>{{ end }}{{ template \"t\" .x }}");
		Kv data = new Kv(Map.of("x", "<&>"));
		assertThat(template.executeHtml(data)).isEqualTo("<b>&lt;&amp;&gt;</b><&><i>&lt;&amp;&gt;</i>");
		assertThat(template.execute(data)).isEqualTo("<b><&></b><&><i><&></i>");
	}

	@Test
	void timesPrintAndFormatAsGo() throws TemplateException {
		assertThat(run("{{ .At }}")).isEqualTo("2026-03-07 14:05:09.12 +0000 UTC");
		assertThat(run("{{ .At.Format \"2006-01-02 15:04:05 MST\" }}|{{ .At.Format \"Mon Jan _2 3:04PM\" }}"))
			.isEqualTo("2026-03-07 14:05:09 UTC|Sat Mar  7 2:05PM");
		assertThat(run("{{ .At.Format \"02.01.06 15:04:05.000 -07:00 Z07:00\" }} {{ .At.Unix }}"))
			.isEqualTo("07.03.26 14:05:09.120 +00:00 Z 1772892309");
		assertThat(GoTime.of(null).rfc3339Nano()).isEqualTo("0001-01-01T00:00:00Z");
		assertThat(GoTime.of(Instant.parse("2026-11-28T10:00:00.000000001Z")).rfc3339Nano())
			.isEqualTo("2026-11-28T10:00:00.000000001Z");
	}

	@Test
	void parseErrorsNamePositions() {
		assertParseError("{{ if .Status }}firing{{ end }}{{ end }}", "unexpected {{end}} at 1:32");
		assertParseError("line one\n  {{ .Status", "unclosed action at 2:3");
		assertParseError("{{ if .Status }}x", "unexpected EOF at 1:18");
		assertParseError("{{ if }}{{ end }}", "missing value for if at 1:7");
		assertParseError("{{ nosuch .Status }}", "function \"nosuch\" not defined at 1:4");
		assertParseError("{{ \"open }}", "unterminated quoted string at 1:4");
		assertParseError("{{ (len .Items }}", "unclosed left paren at 1:16");
		assertParseError("{{ .Status | \"x\" }}", "non executable command in pipeline stage 2 at 1:14");
		assertParseError("{{ range .Items }}{{ else }}{{ else }}{{ end }}", "expected end; found {{else}} at 1:32");
		assertParseError("{{ template .Status }}", "unexpected \".Status\" in template clause at 1:13");
		assertParseError("{{ $x, $y := .Items }}", "too many declarations in command at 1:6");
	}

	@Test
	void runtimeErrorsNamePositions() {
		assertRunError("{{ .Nope }}", "can't evaluate field Nope in type template.Data at 1:4");
		assertRunError("ok\n{{ index .Items 5 }}", "error calling index: index out of range: 5 at 2:4");
		assertRunError("{{ .Status.Len }}", "can't evaluate field Len in type string at 1:4");
		assertRunError("{{ len 3 }}", "error calling len: len of type int at 1:4");
		assertRunError("{{ eq .Status 1 }}", "error calling eq: incompatible types for comparison at 1:4");
		assertRunError("{{ toUpper 1 }}",
				"error calling toUpper: wrong type for value; expected string; got int at 1:4");
		assertRunError("{{ join \",\" .Labels }}",
				"error calling join: wrong type for value; expected []string; got template.KV at 1:4");
		assertRunError("{{ len }}", "wrong number of args for len: want 1 got 0 at 1:4");
		assertRunError("{{ .Labels.Remove }}", "wrong number of args for Remove: want 1 got 0 at 1:4");
		assertRunError("{{ .Status \"x\" }}", "Status is not a method but has arguments at 1:4");
		assertRunError("{{ range .Status }}{{ end }}", "range can't iterate over firing at 1:1");
		assertRunError("{{ match \"(\" .Status }}", "error calling match: Unclosed group near index 1\n( at 1:4");
	}

}
