// --help texts. Kept beside the flags they describe; the README has the long form.
export const MAIN_HELP = `Usage: whatsapp-edge <command> [options]

Commands:
  check PATH...   validate templates, template sends, messages and Flow JSON
  phones [FILE]   normalise phone numbers to E.164 with their verdicts (CSV out)

Options:
  -h, --help      show help (also: whatsapp-edge <command> --help)
  -v, --version   show the version, and the phone metadata's libphonenumber-js release

Runs the same WebAssembly engine as the library, offline.`;

export const CHECK_HELP = `Usage: whatsapp-edge check [options] PATH...

PATH is a file (checked whatever its name), a directory (walked for *.json,
skipping dot-entries and node_modules) or a quoted glob ("flows/**/*.json").
What each JSON file is comes from its shape (README: "Shape detection").

Options:
  --format text|json|sarif   output format (default: text)
  -o, --output FILE          write the report to FILE instead of stdout
  --kind KIND                treat every file as template|send|message|flow
  --template-mode MODE       check definitions as a create (default) or an edit
  --max-warnings N           also fail when there are more than N warnings
  --color, --no-color        force colour on or off (default: on for a terminal;
                             NO_COLOR and FORCE_COLOR are honoured)
  -h, --help                 show this help

Exit status: 0 no errors, 1 errors (or more than --max-warnings warnings),
2 usage error.`;

export const PHONES_HELP = `Usage: whatsapp-edge phones [options] [FILE|-]

Reads phone numbers from FILE (or stdin), one per line, or from one column of
a CSV file, and writes CSV: for lines "input,e164,ok,type,country,error"; for
CSV every input column followed by "e164,ok,type,country,error". Streams, so
any number of rows runs in bounded memory; shows progress on a terminal.

Options:
  --column NAME|N            read CSV and take the column with this header
                             name, or the N-th column (1-based)
  --no-header                the CSV has no header row (needs a numeric --column)
  --default-country CC       region for numbers written without + (e.g. US)
  -o, --output FILE          write to FILE instead of stdout
  -h, --help                 show this help

Exit status: 0 done (invalid numbers are data, not failures), 2 usage error.`;
