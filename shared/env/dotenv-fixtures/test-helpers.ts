/**
 * Test-only: dotenv's own fixtures (motdotla/dotenv tests/, BSD-2-Clause): the files and the
 * expectations of its test-parse.js and test-parse-multiline.js.
 */

/** tests/.env of dotenv 16 (the file test-parse.js reads). */
export const DOTENV_FIXTURE = `BASIC=basic

# previous line intentionally left blank
AFTER_LINE=after_line
EMPTY=
EMPTY_SINGLE_QUOTES=''
EMPTY_DOUBLE_QUOTES=""
EMPTY_BACKTICKS=\`\`
SINGLE_QUOTES='single_quotes'
SINGLE_QUOTES_SPACED='    single quotes    '
DOUBLE_QUOTES="double_quotes"
DOUBLE_QUOTES_SPACED="    double quotes    "
DOUBLE_QUOTES_INSIDE_SINGLE='double "quotes" work inside single quotes'
DOUBLE_QUOTES_WITH_NO_SPACE_BRACKET="{ port: $MONGOLAB_PORT}"
SINGLE_QUOTES_INSIDE_DOUBLE="single 'quotes' work inside double quotes"
BACKTICKS_INSIDE_SINGLE='\`backticks\` work inside single quotes'
BACKTICKS_INSIDE_DOUBLE="\`backticks\` work inside double quotes"
BACKTICKS=\`backticks\`
BACKTICKS_SPACED=\`    backticks    \`
DOUBLE_QUOTES_INSIDE_BACKTICKS=\`double "quotes" work inside backticks\`
SINGLE_QUOTES_INSIDE_BACKTICKS=\`single 'quotes' work inside backticks\`
DOUBLE_AND_SINGLE_QUOTES_INSIDE_BACKTICKS=\`double "quotes" and single 'quotes' work inside backticks\`
EXPAND_NEWLINES="expand\\nnew\\nlines"
DONT_EXPAND_UNQUOTED=dontexpand\\nnewlines
DONT_EXPAND_SQUOTED='dontexpand\\nnewlines'
# COMMENTS=work
INLINE_COMMENTS=inline comments # work #very #well
INLINE_COMMENTS_SINGLE_QUOTES='inline comments outside of #singlequotes' # work
INLINE_COMMENTS_DOUBLE_QUOTES="inline comments outside of #doublequotes" # work
INLINE_COMMENTS_BACKTICKS=\`inline comments outside of #backticks\` # work
INLINE_COMMENTS_SPACE=inline comments start with a#number sign. no space required.
EQUAL_SIGNS=equals==
RETAIN_INNER_QUOTES={"foo": "bar"}
RETAIN_INNER_QUOTES_AS_STRING='{"foo": "bar"}'
RETAIN_INNER_QUOTES_AS_BACKTICKS=\`{"foo": "bar's"}\`
TRIM_SPACE_FROM_UNQUOTED=    some spaced out string
USERNAME=therealnerdybeast@example.tld
    SPACED_KEY = parsed
EDGE_CASE_INLINE_COMMENTS="VALUE1" # or "VALUE2" or "VALUE3"
`;

/** test-parse.js's expectations for DOTENV_FIXTURE (COMMENTS must be absent). */
export const DOTENV_EXPECTED: Readonly<Record<string, string>> = {
  BASIC: 'basic',
  AFTER_LINE: 'after_line',
  EMPTY: '',
  EMPTY_SINGLE_QUOTES: '',
  EMPTY_DOUBLE_QUOTES: '',
  EMPTY_BACKTICKS: '',
  SINGLE_QUOTES: 'single_quotes',
  SINGLE_QUOTES_SPACED: '    single quotes    ',
  DOUBLE_QUOTES: 'double_quotes',
  DOUBLE_QUOTES_SPACED: '    double quotes    ',
  DOUBLE_QUOTES_INSIDE_SINGLE: 'double "quotes" work inside single quotes',
  DOUBLE_QUOTES_WITH_NO_SPACE_BRACKET: '{ port: $MONGOLAB_PORT}',
  SINGLE_QUOTES_INSIDE_DOUBLE: "single 'quotes' work inside double quotes",
  BACKTICKS_INSIDE_SINGLE: '`backticks` work inside single quotes',
  BACKTICKS_INSIDE_DOUBLE: '`backticks` work inside double quotes',
  BACKTICKS: 'backticks',
  BACKTICKS_SPACED: '    backticks    ',
  DOUBLE_QUOTES_INSIDE_BACKTICKS: 'double "quotes" work inside backticks',
  SINGLE_QUOTES_INSIDE_BACKTICKS: "single 'quotes' work inside backticks",
  DOUBLE_AND_SINGLE_QUOTES_INSIDE_BACKTICKS: "double \"quotes\" and single 'quotes' work inside backticks",
  EXPAND_NEWLINES: 'expand\nnew\nlines',
  DONT_EXPAND_UNQUOTED: 'dontexpand\\nnewlines',
  DONT_EXPAND_SQUOTED: 'dontexpand\\nnewlines',
  INLINE_COMMENTS: 'inline comments',
  INLINE_COMMENTS_SINGLE_QUOTES: 'inline comments outside of #singlequotes',
  INLINE_COMMENTS_DOUBLE_QUOTES: 'inline comments outside of #doublequotes',
  INLINE_COMMENTS_BACKTICKS: 'inline comments outside of #backticks',
  INLINE_COMMENTS_SPACE: 'inline comments start with a',
  EQUAL_SIGNS: 'equals==',
  RETAIN_INNER_QUOTES: '{"foo": "bar"}',
  RETAIN_INNER_QUOTES_AS_STRING: '{"foo": "bar"}',
  RETAIN_INNER_QUOTES_AS_BACKTICKS: '{"foo": "bar\'s"}',
  TRIM_SPACE_FROM_UNQUOTED: 'some spaced out string',
  USERNAME: 'therealnerdybeast@example.tld',
  SPACED_KEY: 'parsed',
  EDGE_CASE_INLINE_COMMENTS: 'VALUE1',
};

const PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnNl1tL3QjKp3DZWM0T3u
LgGJQwu9WqyzHKZ6WIA5T+7zPjO1L8l3S8k8YzBrfH4mqWOD1GBI8Yjq2L1ac3Y/
bTdfHN8CmQr2iDJC0C6zY8YV93oZB3x0zC/LPbRYpF8f6OqX1lZj5vo2zJZy4fI/
kKcI5jHYc8VJq+KCuRZrvn+3V+KuL9tF9v8ZgjF2PZbU+LsCy5Yqg1M8f5Jp5f6V
u4QuUoobAgMBAAE=
-----END PUBLIC KEY-----`;

/** tests/.env-multiline (test-parse-multiline.js), no final newline as in the repository. */
export const MULTILINE_FIXTURE = `BASIC=basic

# previous line intentionally left blank
AFTER_LINE=after_line
EMPTY=
SINGLE_QUOTES='single_quotes'
SINGLE_QUOTES_SPACED='    single quotes    '
DOUBLE_QUOTES="double_quotes"
DOUBLE_QUOTES_SPACED="    double quotes    "
EXPAND_NEWLINES="expand\\nnew\\nlines"
DONT_EXPAND_UNQUOTED=dontexpand\\nnewlines
DONT_EXPAND_SQUOTED='dontexpand\\nnewlines'
# COMMENTS=work
EQUAL_SIGNS=equals==
RETAIN_INNER_QUOTES={"foo": "bar"}

RETAIN_INNER_QUOTES_AS_STRING='{"foo": "bar"}'
TRIM_SPACE_FROM_UNQUOTED=    some spaced out string
USERNAME=therealnerdybeast@example.tld
    SPACED_KEY = parsed

MULTI_DOUBLE_QUOTED="THIS
IS
A
MULTILINE
STRING"

MULTI_SINGLE_QUOTED='THIS
IS
A
MULTILINE
STRING'

MULTI_BACKTICKED=\`THIS
IS
A
"MULTILINE'S"
STRING\`

MULTI_PEM_DOUBLE_QUOTED="${PEM}"`;

export const MULTILINE_EXPECTED: Readonly<Record<string, string>> = {
  BASIC: 'basic',
  AFTER_LINE: 'after_line',
  EMPTY: '',
  SINGLE_QUOTES: 'single_quotes',
  SINGLE_QUOTES_SPACED: '    single quotes    ',
  DOUBLE_QUOTES: 'double_quotes',
  DOUBLE_QUOTES_SPACED: '    double quotes    ',
  EXPAND_NEWLINES: 'expand\nnew\nlines',
  DONT_EXPAND_UNQUOTED: 'dontexpand\\nnewlines',
  DONT_EXPAND_SQUOTED: 'dontexpand\\nnewlines',
  EQUAL_SIGNS: 'equals==',
  RETAIN_INNER_QUOTES: '{"foo": "bar"}',
  RETAIN_INNER_QUOTES_AS_STRING: '{"foo": "bar"}',
  TRIM_SPACE_FROM_UNQUOTED: 'some spaced out string',
  USERNAME: 'therealnerdybeast@example.tld',
  SPACED_KEY: 'parsed',
  MULTI_DOUBLE_QUOTED: 'THIS\nIS\nA\nMULTILINE\nSTRING',
  MULTI_SINGLE_QUOTED: 'THIS\nIS\nA\nMULTILINE\nSTRING',
  MULTI_BACKTICKED: 'THIS\nIS\nA\n"MULTILINE\'S"\nSTRING',
  MULTI_PEM_DOUBLE_QUOTED: PEM,
};
