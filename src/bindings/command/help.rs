//! Help and usage text, rendered from the grammar (clap's layout, wrapped at
//! 100 columns whatever the terminal, so that every host prints the same
//! bytes).

use super::grammar::{Arg, COMMANDS, Command};

/// Help lines are wrapped to this many columns.
const WIDTH: usize = 100;

const ABOUT: &str =
    "Validator, normalizer and exporter for spec documents (Markdown + YAML front matter)";

/// How `arg` is named in help and errors: `--format <FORMAT>`, `--quiet`,
/// `[PATH]...`, `<SPEC_TYPE>`.
pub(crate) fn label(arg: &Arg) -> String {
    let value = arg.value.unwrap_or("");
    if arg.is_positional() {
        let (open, close) = if arg.required { ('<', '>') } else { ('[', ']') };
        let dots = if arg.many { "..." } else { "" };
        return format!("{open}{value}{close}{dots}");
    }
    let long = arg.long.unwrap_or("");
    match arg.value {
        Some(v) => format!("--{long} <{v}>"),
        None => format!("--{long}"),
    }
}

/// `speclint check [OPTIONS] [PATH]...`.
pub(crate) fn usage(cmd: &Command) -> String {
    let mut out = format!("speclint {}", cmd.name);
    if cmd.args.iter().any(|a| !a.is_positional() && !a.required) {
        out.push_str(" [OPTIONS]");
    }
    for a in cmd.args.iter().filter(|a| !a.is_positional() && a.required) {
        out.push(' ');
        out.push_str(&label(a));
    }
    for a in cmd.args.iter().filter(|a| a.is_positional()) {
        out.push(' ');
        out.push_str(&label(a));
    }
    out
}

/// `  left  help`, the help wrapped at [`WIDTH`] and aligned at `column`.
fn row(out: &mut String, left: &str, help: &str, column: usize) {
    out.push_str("  ");
    out.push_str(left);
    let mut at = 2 + left.chars().count();
    let indent = 2 + column + 2;
    out.push_str(&" ".repeat(indent - at));
    at = indent;
    let mut first = true;
    for word in help.split(' ') {
        let w = word.chars().count();
        if !first && at + 1 + w > WIDTH {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            at = indent;
            first = true;
        }
        if !first {
            out.push(' ');
            at += 1;
        }
        out.push_str(word);
        at += w;
        first = false;
    }
    out.push('\n');
}

/// Rows under a heading, aligned on their longest left side.
fn section(out: &mut String, heading: &str, rows: &[(String, String)]) {
    let column = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    out.push_str(heading);
    out.push_str(":\n");
    for (left, help) in rows {
        row(out, left, help, column);
    }
}

/// `speclint`, `speclint --help`, `speclint help`.
pub(crate) fn top() -> String {
    let mut out = format!("{ABOUT}\n\nUsage: speclint <COMMAND>\n\n");
    let mut rows: Vec<(String, String)> = COMMANDS
        .iter()
        .map(|c| (c.name.to_string(), c.about.to_string()))
        .collect();
    rows.push((
        "help".into(),
        "Print this message or the help of the given subcommand(s)".into(),
    ));
    section(&mut out, "Commands", &rows);
    out.push('\n');
    section(&mut out, "Options", &standard_options());
    out
}

/// `speclint help help`.
pub(crate) fn of_help() -> String {
    let mut out = String::from(
        "Print this message or the help of the given subcommand(s)\n\nUsage: speclint help [COMMAND]\n\n",
    );
    section(
        &mut out,
        "Arguments",
        &[("[COMMAND]".into(), "Print help for the subcommand".into())],
    );
    out
}

fn standard_options() -> Vec<(String, String)> {
    vec![
        ("-h, --help".into(), "Print help".into()),
        ("-V, --version".into(), "Print version".into()),
    ]
}

/// `speclint CMD --help`.
pub(crate) fn command(cmd: &Command) -> String {
    let mut out = format!("{}\n\nUsage: {}\n\n", cmd.about, usage(cmd));
    let positional: Vec<(String, String)> = (cmd.args.iter())
        .filter(|a| a.is_positional())
        .map(|a| (label(a), a.help.to_string()))
        .collect();
    if !positional.is_empty() {
        section(&mut out, "Arguments", &positional);
        out.push('\n');
    }
    let mut options: Vec<(String, String)> = (cmd.args.iter())
        .filter(|a| !a.is_positional())
        .map(|a| {
            let short = a.short.map_or("    ".to_string(), |c| format!("-{c}, "));
            let mut help = a.help.to_string();
            if let Some(d) = a.default {
                help.push_str(&format!(" [default: {d}]"));
            }
            if !a.values.is_empty() {
                help.push_str(&format!(" [possible values: {}]", a.values.join(", ")));
            }
            (format!("{short}{}", label(a)), help)
        })
        .collect();
    options.extend(standard_options());
    section(&mut out, "Options", &options);
    out
}
