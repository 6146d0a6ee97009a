//! The commands of `speclint` and their arguments, as data: the one table
//! that the parser, the help text and every host's CLI read.

/// One argument of a command: an option (`long`/`short`), or the positional
/// argument (neither).
#[derive(Debug, PartialEq, Eq)]
pub struct Arg {
    /// The key hosts read it by (`Invocation::value("specType")`, and the
    /// key in `parseArgs`' JS object).
    pub id: &'static str,
    /// `--long`.
    pub long: Option<&'static str>,
    /// `-s`.
    pub short: Option<char>,
    /// The value's name in help (`FILE`); `None` for a flag.
    pub value: Option<&'static str>,
    /// The only values accepted, when not empty.
    pub values: &'static [&'static str],
    /// The value when not given.
    pub default: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
    /// Repeatable (an option) or a list (the positional argument).
    pub many: bool,
    /// Must be given.
    pub required: bool,
    /// Ids of arguments that cannot be given with this one.
    pub conflicts: &'static [&'static str],
}

impl Arg {
    /// Whether this is the positional argument.
    pub fn is_positional(&self) -> bool {
        self.long.is_none() && self.short.is_none()
    }
}

/// One command: `speclint NAME ...`.
#[derive(Debug, PartialEq, Eq)]
pub struct Command {
    pub name: &'static str,
    /// One line, shown in the command list and atop its help.
    pub about: &'static str,
    pub args: &'static [Arg],
}

const fn flag(id: &'static str, long: &'static str, help: &'static str) -> Arg {
    Arg {
        id,
        long: Some(long),
        short: None,
        value: None,
        values: &[],
        default: None,
        help,
        many: false,
        required: false,
        conflicts: &[],
    }
}

const fn option(
    id: &'static str,
    long: &'static str,
    value: &'static str,
    help: &'static str,
) -> Arg {
    Arg {
        value: Some(value),
        ..flag(id, long, help)
    }
}

const fn positional(id: &'static str, value: &'static str, help: &'static str) -> Arg {
    Arg {
        long: None,
        ..option(id, "", value, help)
    }
}

const CONFIG: Arg = option(
    "config",
    "config",
    "FILE",
    "Config file (default: `speclint.yaml` or `.speclint.yaml` found upward from the working directory)",
);
const TYPES: Arg = Arg {
    many: true,
    ..option(
        "types",
        "types",
        "FILE",
        "Extra spec type file (YAML or JSON); repeatable",
    )
};
const TEMPLATES: Arg = Arg {
    many: true,
    ..option(
        "templates",
        "templates",
        "GLOB",
        "Template files (a glob, e.g. `templates/specs/*.md`): each defines the spec type named by its `spec_type`; repeatable",
    )
};
const ONLY_SPECS: Arg = flag(
    "onlySpecs",
    "only-specs",
    "Treat named files as a walk would: skip those without `spec_type` (unless `include` names them) and those `exclude` names (for pre-commit hooks and editors that pass every Markdown file)",
);
const JSON: Arg = flag("json", "json", "Print JSON instead of a table");

/// Every command, in the order of `speclint --help`.
pub static COMMANDS: &[Command] = &[
    Command {
        name: "check",
        about: "Check spec documents (files, directories or globs; default `.`)",
        args: &[
            Arg {
                many: true,
                ..positional(
                    "paths",
                    "PATH",
                    "Files, directories (walked for `.md`, `.markdown` and `.mdx`, respecting `.gitignore`) or globs",
                )
            },
            Arg {
                short: Some('f'),
                values: &["pretty", "json", "sarif", "github"],
                default: Some("pretty"),
                ..option("format", "format", "FORMAT", "Output format")
            },
            option(
                "specType",
                "type",
                "ID",
                "Validate every document as this spec type, whatever its `spec_type` says",
            ),
            Arg {
                values: &["auto", "always", "never"],
                default: Some("auto"),
                ..option("color", "color", "WHEN", "Colors in pretty output")
            },
            Arg {
                short: Some('q'),
                ..flag(
                    "quiet",
                    "quiet",
                    "One line per diagnostic (`path:line:col severity CODE message`), no code frames",
                )
            },
            Arg {
                values: &["error", "warning", "never"],
                default: Some("error"),
                ..option(
                    "failOn",
                    "fail-on",
                    "LEVEL",
                    "Exit 1 on errors (default), on warnings too, or never (the findings are still printed)",
                )
            },
            ONLY_SPECS,
            CONFIG,
            TYPES,
            TEMPLATES,
        ],
    },
    Command {
        name: "fmt",
        about: "Normalize documents: safe fixes and canonical formatting (prints, checks, diffs or writes)",
        args: &[
            Arg {
                many: true,
                ..positional(
                    "paths",
                    "PATH",
                    "Files, directories or globs; `-` reads standard input and prints the result",
                )
            },
            Arg {
                conflicts: &["write"],
                ..flag(
                    "check",
                    "check",
                    "Exit 1 and print a diff when a document would change",
                )
            },
            Arg {
                conflicts: &["write"],
                ..flag(
                    "diff",
                    "diff",
                    "Print a unified diff of what would change (exit 1 when something would)",
                )
            },
            flag(
                "write",
                "write",
                "Rewrite changed files in place (atomically; unchanged files are not touched)",
            ),
            flag(
                "unsafeFixes",
                "unsafe-fixes",
                "Also apply fixes labelled unsafe",
            ),
            flag(
                "reorderSections",
                "reorder-sections",
                "Move sections into the spec type's order (unsafe)",
            ),
            flag(
                "insertMissingSections",
                "insert-missing-sections",
                "Insert missing required sections as stubs (unsafe)",
            ),
            ONLY_SPECS,
            option(
                "specType",
                "type",
                "ID",
                "Normalize every document as this spec type",
            ),
            CONFIG,
            TYPES,
            TEMPLATES,
        ],
    },
    Command {
        name: "export",
        about: "Print documents as data: front matter, sections, tables, entities (JSON)",
        args: &[
            Arg {
                many: true,
                required: true,
                ..positional("files", "FILE", "The documents to export")
            },
            flag("pretty", "pretty", "Indent the JSON"),
            option(
                "specType",
                "type",
                "ID",
                "Read every document as this spec type, whatever its `spec_type` says",
            ),
            CONFIG,
            TYPES,
            TEMPLATES,
        ],
    },
    Command {
        name: "init",
        about: "Derive a spec type file from a template document",
        args: &[
            Arg {
                required: true,
                ..option(
                    "fromTemplate",
                    "from-template",
                    "TEMPLATE.md",
                    "The template to derive the spec type from",
                )
            },
            Arg {
                short: Some('o'),
                ..option(
                    "output",
                    "output",
                    "FILE",
                    "Write the type here instead of standard output",
                )
            },
            flag("force", "force", "Overwrite the output file if it exists"),
        ],
    },
    Command {
        name: "types",
        about: "List the known spec types",
        args: &[JSON, CONFIG, TYPES, TEMPLATES],
    },
    Command {
        name: "templates",
        about: "List the template family: each template's spec type, sections and fields",
        args: &[
            flag(
                "check",
                "check",
                "Report where a YAML spec type with a template's id differs from the template (drift); exit 1 on drift",
            ),
            JSON,
            CONFIG,
            TYPES,
            TEMPLATES,
        ],
    },
    Command {
        name: "schema",
        about: "Print the JSON Schema of a spec type's front matter (for editors)",
        args: &[
            Arg {
                required: true,
                ..positional(
                    "specType",
                    "SPEC_TYPE",
                    "The spec type id, e.g. `database-schema`",
                )
            },
            CONFIG,
            TYPES,
            TEMPLATES,
        ],
    },
    Command {
        name: "lsp",
        about: "Run the language server over standard input and output (for editors)",
        args: &[],
    },
    Command {
        name: "rules",
        about: "List every rule with its code, name, default severity and fix availability",
        args: &[JSON],
    },
];

/// The command named `name`.
pub(crate) fn find(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}
