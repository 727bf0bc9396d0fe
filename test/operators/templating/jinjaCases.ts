/**
 * Hand-written templates of the Airflow subset, each rendered by our engine and by Jinja2
 * (SandboxedEnvironment, StrictUndefined, Airflow's date filters) in jinja2Parity.test.ts.
 */
import { pyFloat } from '../../../src/pythonCompat/pyFloat.js';
import type { JinjaCase } from '../../jinja/jinja2.js';

const ctx = {
  ds: '2024-01-02',
  name: '  Knn-Model  ',
  quoted: '"s3://bucket/key"',
  n: 7,
  neg: -7,
  f: 2.5,
  two: pyFloat(2),
  big: 123456789,
  zero: 0,
  none: null,
  yes: true,
  no: false,
  empty: '',
  items: [3, 1, 2],
  words: ['b', 'A', 'c'],
  mixed: [1, 'a', null, true, 2.5],
  nested: { a: { b: [10, 20, { c: 'deep' }] } },
  params: { epochs: 10, lr: 0.01, name: 'knn', tags: ['x', 'y'], flag: false },
  d: { b: 2, a: 1, c: 3 },
  rows: [
    { name: 'x', v: 3 },
    { name: 'y', v: 1 },
    { name: 'z', v: 2 },
  ],
  logical_date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
  ms_date: new Date(Date.UTC(2024, 11, 31, 23, 59, 59, 250)),
  unicode: 'héllo wörld ✓',
  special: 'it\'s "quoted"\n\ttab',
};

const c = (template: string, context: Record<string, unknown> = ctx): JinjaCase => ({
  template,
  context,
});

/** The cases; every one must render the same as Jinja2 or fail in both. */
export const JINJA_CASES: readonly JinjaCase[] = [
  // names, literals and printing
  c('plain text, no template'),
  c('{{ ds }}'),
  c('job-{{ ds }}-{{ n }}'),
  c('{{ None }} {{ True }} {{ False }} {{ none }} {{ yes }} {{ no }}'),
  c('{{ true }} {{ false }} {{ none is none }}'),
  c('{{ f }} {{ two }} {{ big }} {{ neg }} {{ zero }}'),
  c('{{ 1.0 }} {{ 1e3 }} {{ 1.5e-7 }} {{ 1e16 }} {{ 0.1 + 0.2 }} {{ 1_000 }} {{ 0x1f }}'),
  c('{{ items }} {{ mixed }} {{ words }}'),
  c('{{ d }} {{ nested }}'),
  c('{{ (1, 2) }} {{ (1,) }} {{ () }} {{ [] }} {{ {} }}'),
  c("{{ {'a': 1, 'b': [1, 2]} }}"),
  c('{{ 1, 2 }}'),
  c('{{ special }}|{{ [special] }}'),
  c('{{ unicode }} {{ [unicode] }}'),
  c('{{ "it\'s" }} {{ ["it\'s"] }} {{ [\'say "hi"\'] }}'),
  c("{{ 'a' 'b' }} {{ '\\n'|length }} {{ 'tab\\there' }}"),
  c('{{ missing }}'),
  c('{{ params.missing }}'),
  c('{{ nested.a.b[2].c }} {{ nested["a"]["b"][0] }} {{ nested.a.b.1 }}'),
  c('{{ items[-1] }} {{ items[0] }} {{ items[5] is defined }}'),
  c('{{ ds[0:4] }} {{ ds[5:] }} {{ ds[::-1] }} {{ items[1:] }} {{ ds[-2:] }}'),
  c('{{ logical_date }} {{ ms_date }}'),
  c(
    '{{ logical_date.year }}-{{ logical_date.month }}-{{ logical_date.day }} {{ logical_date.hour }}',
  ),
  c("{{ logical_date.strftime('%Y/%m/%d %H:%M:%S') }} {{ logical_date.isoformat() }}"),
  c('{{ [logical_date] }}'),
  // filters
  c('{{ logical_date | ds }} {{ logical_date | ds_nodash }} {{ logical_date | ts }}'),
  c('{{ logical_date | ts_nodash }} {{ logical_date | ts_nodash_with_tz }} {{ ms_date | ts }}'),
  c('{{ none | ds }}'),
  c('{{ ds | ds }}'),
  c("{{ missing | default('x') }} {{ missing | d('y') }} {{ empty | default('e', true) }}"),
  c("{{ none | default('z') }} {{ params.missing | default(params.epochs) }}"),
  c(
    '{{ name | upper }}|{{ name | lower }}|{{ name | trim }}|{{ name | title }}|{{ name | capitalize }}',
  ),
  c("{{ ds | replace('-', '') }} {{ ds | replace('-', '/', 1) }}"),
  c('{{ params | tojson }} {{ items | tojson }} {{ "<a & \'b\'>" | tojson }}'),
  c('{{ d | tojson(indent=2) }}'),
  c('{{ [1.5, none, true, "é"] | tojson }}'),
  c(
    "{{ '42' | int }} {{ '4.7' | int }} {{ 'x' | int }} {{ 'x' | int(5) }} {{ f | int }} {{ ' 12 ' | int }}",
  ),
  c("{{ '0x1A' | int(0, 16) }} {{ 'ff' | int(base=16) }} {{ none | int }} {{ '1_000' | int }}"),
  c("{{ '3.25' | float }} {{ 'x' | float }} {{ n | float }} {{ '1e3' | float }}"),
  c('{{ n | string }} {{ none | string }} {{ items | string }} {{ two | string }}'),
  c("{{ items | join(',') }} {{ words | join }} {{ rows | join('-', attribute='name') }}"),
  c('{{ items | length }} {{ ds | length }} {{ d | length }} {{ items | count }}'),
  c('{{ items | first }} {{ items | last }} {{ items | sort }} {{ items | sort(reverse=true) }}'),
  c(
    '{{ words | sort }} {{ words | sort(case_sensitive=true) }} {{ rows | sort(attribute="v") | map(attribute="name") | join }}',
  ),
  c(
    '{{ items | sum }} {{ rows | sum(attribute="v") }} {{ items | min }} {{ items | max }} {{ words | max }}',
  ),
  c('{{ items | reverse | list }} {{ ds | reverse }} {{ items | list }} {{ ds | list }}'),
  c(
    '{{ neg | abs }} {{ f | round }} {{ 2.675 | round(2) }} {{ 3.5 | round }} {{ 2.5 | round(0, "floor") }} {{ n | round }}',
  ),
  c("{{ 'ab' | center(6) }}|{{ 'hello world' | wordcount }}|{{ '<b>' | e }}"),
  c(
    "{{ '%s-%s' | format(ds, n) }} {{ d | dictsort }} {{ d | dictsort(by='value', reverse=true) }}",
  ),
  c('{{ rows | selectattr("v", "gt", 1) | map(attribute="name") | join(",") }}'),
  c(
    '{{ items | select("odd") | list }} {{ items | reject("odd") | list }} {{ mixed | select | list }}',
  ),
  c('{{ [1, 2, 2, 3, 1] | unique | list }} {{ words | map("upper") | join }}'),
  c('{{ d | items | list }}'),
  c('{{ ds | nosuchfilter }}'),
  c('{% if false %}{{ ds | nosuchfilter }}{% endif %}ok'),
  // operators
  c(
    '{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 7 / 2 }} {{ 8 / 2 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }}',
  ),
  c('{{ 2 ** 10 }} {{ 2 ** -1 }} {{ 2 ** 3 ** 2 }} {{ 7.5 // 2 }} {{ 7.5 % 2 }} {{ -1.5 % 1 }}'),
  c('{{ n + f }} {{ n * two }} {{ n - 10 }} {{ -n }} {{ +n }} {{ yes + 1 }}'),
  c('{{ 1 / 0 }}'),
  c('{{ n % 0 }}'),
  c(
    "{{ ds ~ '-' ~ n }} {{ 'a' + 'b' }} {{ 'ab' * 3 }} {{ [1] + [2] }} {{ [0] * 3 }} {{ 3 * 'x' }}",
  ),
  c("{{ 'a' + 1 }}"),
  c('{{ items + none }}'),
  c(
    "{{ '%s-%s' % (ds, 'x') }} {{ '%05d' % n }} {{ '%.2f' % f }} {{ '%s' % none }} {{ '%r' % ds }}",
  ),
  c(
    "{{ '%(a)s and %(b)s' % d }} {{ '%x %o %e' % (255, 8, 12345.678) }} {{ '%-5s|%5s' % ('a', 'b') }}",
  ),
  c("{{ '%d' % 'x' }}"),
  c("{{ '%s %s' % (1,) }}"),
  c("{{ '%s' % (1, 2) }}"),
  c(
    "{{ '%g %g %g %.3g' % (0.0001, 1e20, 123456789.0, f) }} {{ '%.0f %.0f' % (2.5, 3.5) }} {{ '%%' % () }}",
  ),
  c(
    '{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} {{ n == 7 }} {{ n != 7.0 }} {{ "a" < "b" }} {{ [1, 2] < [1, 3] }}',
  ),
  c(
    '{{ n >= 7 and f <= 2.5 }} {{ none == none }} {{ 1 == true }} {{ "1" == 1 }} {{ items == [3, 1, 2] }}',
  ),
  c("{{ 1 < 'a' }}"),
  c(
    "{{ 2 in items }} {{ 5 not in items }} {{ 'b' in d }} {{ 'knn' in params.name }} {{ 'z' in 'xyz' }}",
  ),
  c(
    '{{ n and f }} {{ zero or "fallback" }} {{ none or empty or "last" }} {{ not n }} {{ not empty }}',
  ),
  c("{{ 'yes' if n > 5 else 'no' }} {{ 'a' if zero else 'b' }} {{ ('x' if yes) }}"),
  c("{{ 'x' if no }}"),
  c(
    '{{ n is odd }} {{ n is even }} {{ n is divisibleby 7 }} {{ n is divisibleby(2) }} {{ 9 is divisibleby 3 }}',
  ),
  c(
    '{{ ds is string }} {{ n is number }} {{ f is float }} {{ n is integer }} {{ none is none }} {{ d is mapping }}',
  ),
  c(
    '{{ missing is defined }} {{ missing is undefined }} {{ ds is defined }} {{ params.x is not defined }}',
  ),
  c(
    '{{ items is iterable }} {{ n is sameas 7 }} {{ "A" is upper }} {{ "a" is lower }} {{ n is eq 7 }} {{ n is gt 3 }}',
  ),
  c('{{ ds is nosuchtest }}'),
  // string methods
  c(
    '{{ ds.replace("-", "") }} {{ ds.replace("-", "", 1) }} {{ quoted.strip(\'"\') }} {{ name.strip() }}|',
  ),
  c('{{ name.lstrip() }}|{{ name.rstrip() }}|{{ "xxhixx".strip("x") }}|{{ "a-b-c".split("-") }}'),
  c(
    '{{ "a b  c".split() }} {{ "a,b,c".split(",", 1) }} {{ "a,b,c".rsplit(",", 1) }} {{ " a  b ".split(None, 1) }}',
  ),
  // split(None, n) and rsplit(None, n) at their edges (the one-pass scans of strMethods.ts).
  c(
    '{{ "a ".split(None, 1) }} {{ "".split(None, 1) }} {{ "   ".split(None, 0) }} {{ "  a  b  ".split(None, 0) }} {{ "a\tb\n c ".split(None, 5) }}',
  ),
  c(
    '{{ "  a  b  ".rsplit(None, 1) }} {{ "  a  b  ".rsplit(None, 0) }} {{ " a ".rsplit(None, 1) }} {{ "x\u3000y z".rsplit(None, 1) }} {{ "".rsplit() }}',
  ),
  // Whitespace control over a long run of spaces (trimEnd, not a quadratic `/\s+$/`).
  c(`a${' '.repeat(300)}b${' \n'.repeat(300)}{{- n -}}${' '.repeat(300)}c`),
  c(
    '{{ "{}-{}".format(ds, n) }} {{ "{0}{1}{0}".format("a", "b") }} {{ "{x}!".format(x=n) }} {{ "{:>5}|{:<4}|{:^6}".format(1, "a", "mid") }}',
  ),
  c('{{ "{:.2f} {:05d} {:,} {:x} {:e} {:%}".format(f, n, big, 255, 0.5, 0.25) }}'),
  c('{{ "{0[a]} {0[b]}".format(d) }} {{ "{!r}".format(ds) }} {{ "{{literal}}".format() }}'),
  c('{{ "{}".format() }}'),
  c(
    '{{ ds.startswith("2024") }} {{ ds.endswith("02") }} {{ ds.startswith(("x", "2")) }} {{ ds.find("-") }} {{ ds.rfind("-") }}',
  ),
  c(
    '{{ ds.count("0") }} {{ ds.index("01") }} {{ "ab".zfill(5) }} {{ "-5".zfill(4) }} {{ "a".ljust(3, "*") }} {{ "a".rjust(3) }}',
  ),
  c('{{ ds.index("z") }}'),
  c(
    '{{ name.upper() }} {{ name.lower() }} {{ "hello world".title() }} {{ "hELLO".capitalize() }} {{ "AbC".swapcase() }}',
  ),
  c(
    '{{ "123".isdigit() }} {{ "abc".isalpha() }} {{ "a1".isalnum() }} {{ "  ".isspace() }} {{ "abc".islower() }} {{ "ABC".isupper() }}',
  ),
  c(
    '{{ "a=b=c".partition("=") }} {{ "a=b=c".rpartition("=") }} {{ "prefix-x".removeprefix("prefix-") }}',
  ),
  c('{{ "-".join(["a", "b"]) }} {{ ",".join(words) }} {{ "a\\nb\\r\\nc".splitlines() }}'),
  c('{{ ",".join(items) }}'),
  c('{{ ds.nosuchmethod() }}'),
  c(
    '{{ d.get("a") }} {{ d.get("z") }} {{ d.get("z", 0) }} {{ d.keys() | list }} {{ d.values() | list }}',
  ),
  c('{{ d.items() | list }} {{ items.index(1) }} {{ items.count(3) }}'),
  // statements
  c('{% if n > 5 %}big{% elif n > 2 %}mid{% else %}small{% endif %}'),
  c('{% if zero %}a{% elif none %}b{% else %}c{% endif %}'),
  c('{% if missing %}x{% endif %}'),
  c('{% for i in items %}{{ i }},{% endfor %}'),
  c('{% for i in items %}{{ loop.index }}/{{ loop.length }}{{ "," if not loop.last }}{% endfor %}'),
  c('{% for i in [] %}x{% else %}empty{% endfor %}'),
  c('{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}'),
  c('{% for k in d %}{{ k }}{% endfor %}'),
  c('{% for r in rows if r.v > 1 %}{{ r.name }}{{ loop.index }}{% endfor %}'),
  c('{% for i in range(3) %}{{ i }}{% endfor %} {{ range(2, 10, 3) | list }} {{ range(3) }}'),
  c('{% for i in range(100001) %}{% endfor %}'),
  c('{% for a in [1, 2] %}{% for b in "xy" %}{{ a }}{{ b }} {% endfor %}{% endfor %}'),
  c('{% set x = 5 %}{{ x * 2 }}'),
  c('{% set a, b = 1, 2 %}{{ a }}{{ b }} {% set t = 1, 2 %}{{ t }}'),
  c('{% set x %}block {{ n }}{% endset %}[{{ x }}]'),
  c('{% set x | upper %}shout{% endset %}{{ x }}'),
  c('{% set x = 1 %}{% for i in items %}{% set x = i %}{% endfor %}{{ x }}'),
  c('{% for i in items %}{% endfor %}{{ i }}'),
  c('{{ loop }}'),
  c('  {%- if true -%}  trimmed  {%- endif -%}  '),
  c('a\n{{- " b " -}}\nc'),
  c('{# a comment #}x{#- another -#} y'),
  c('{% raw %}{{ not rendered }}{% endraw %}'),
  c('trailing {{ "newline" }}\n'),
  c('line\r\nbreaks\rare\n{{ "normalised" }}'),
  c('{{ {"a": 1}}}'),
  // syntax errors and unsupported
  c('{{ x.y'),
  c('{{ }}'),
  c('{% if %}{% endif %}'),
  c('{% for %}'),
  c('{% endif %}'),
  c('{% nosuchtag %}'),
  c('{{ 1 +* 2 }}'),
  c("{{ 'unterminated }}"),
  c('{{ f(a=1, 2) }}', { f: () => 1 }),
  // sandbox (Jinja2 refuses these too)
  c('{{ ds.__class__ }}'),
  c('{{ items.__len__() }}'),
  c('{{ ds._private }}'),
  c('{{ "{0.__class__}".format(ds) }}'),
  c('{{ d._x }}', { d: { _x: 'underscore key' } }),
];
