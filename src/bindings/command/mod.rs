//! The command line of `speclint`, once, for every host that has one.
//!
//! The native CLI (`src/cli/`) and `npx speclint` (`pkg/lib/cli.js`, through
//! the Node module's `parseArgs`) both hand their arguments to [`parse`] and
//! act on what it returns: an [`Invocation`] to run, or an [`Exit`] with the
//! text to print (help, version, usage errors) and the exit code. So the
//! commands, their options, the help text, the usage errors and their exit
//! codes cannot drift between the two (the parity tests compare them byte for
//! byte). No I/O here: strings in, data out.
//!
//! The syntax is clap's, which the native CLI used before: `--long value`,
//! `--long=value`, `-s value`, `-svalue`, `-s=value`, clustered flags
//! (`-qf json`), `--` ending the options, `-h`/`--help` and
//! `-V`/`--version` anywhere, `help [COMMAND]`.

mod grammar;
mod help;

use serde::Serialize;

pub use grammar::{Arg, COMMANDS, Command};

/// What a host prints and returns instead of running a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exit {
    /// The process exit code: 0 for help and version, 2 for usage errors.
    pub code: u8,
    /// Print to standard output (help, version) rather than standard error.
    pub stdout: bool,
    /// The text, ending with a newline.
    pub text: String,
}

/// A parsed command line: the command and the value of each of its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    /// The command's [`Command::name`].
    pub command: &'static str,
    /// One entry per argument of the command, in the grammar's order.
    pub values: Vec<(&'static Arg, Value)>,
}

/// The value of one argument in an [`Invocation`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A flag: given or not.
    Flag(bool),
    /// An argument taking one value: the value given, else its default.
    One(Option<String>),
    /// A repeatable argument or a positional list, in the order given.
    Many(Vec<String>),
}

impl Invocation {
    fn get(&self, id: &str) -> Option<&Value> {
        self.values.iter().find(|(a, _)| a.id == id).map(|(_, v)| v)
    }

    /// Whether the flag `id` was given.
    pub fn flag(&self, id: &str) -> bool {
        matches!(self.get(id), Some(Value::Flag(true)))
    }

    /// The value of `id` (or its default).
    pub fn value(&self, id: &str) -> Option<&str> {
        match self.get(id) {
            Some(Value::One(v)) => v.as_deref(),
            _ => None,
        }
    }

    /// The values of the repeatable argument or positional list `id`.
    pub fn values(&self, id: &str) -> &[String] {
        match self.get(id) {
            Some(Value::Many(v)) => v,
            _ => &[],
        }
    }
}

impl Serialize for Invocation {
    /// `{ "command": "check", "args": { "paths": [...], "format": "json", "quiet": false, ... } }`:
    /// the shape `parseArgs` gives JS, keyed by [`Arg::id`].
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Args<'a>(&'a [(&'static Arg, Value)]);
        impl Serialize for Args<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (a, v) in self.0 {
                    m.serialize_entry(a.id, v)?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("command", self.command)?;
        m.serialize_entry("args", &Args(&self.values))?;
        m.end()
    }
}

/// The version line of `--version`.
pub fn version_line() -> String {
    format!("speclint {}\n", env!("CARGO_PKG_VERSION"))
}

fn is_help(a: &str) -> bool {
    a == "-h" || a == "--help"
}

fn is_version(a: &str) -> bool {
    a == "-V" || a == "--version"
}

/// Parses the arguments after the program name.
///
/// Returns the [`Invocation`] to run, or the [`Exit`] a host prints and exits
/// with: help and version (code 0, standard output), usage errors (code 2,
/// standard error). Never panics, for any input.
pub fn parse<S: AsRef<str>>(args: &[S]) -> Result<Invocation, Exit> {
    let args: Vec<&str> = args.iter().map(AsRef::as_ref).collect();
    let Some((&first, rest)) = args.split_first() else {
        return Err(Exit {
            code: 2,
            stdout: false,
            text: help::top(),
        });
    };
    if is_help(first) {
        return Err(shown(help::top()));
    }
    if is_version(first) {
        return Err(shown(version_line()));
    }
    if first == "help" {
        return help_command(rest);
    }
    let Some(cmd) = grammar::find(first) else {
        return Err(unknown_command(first));
    };
    Parser::new(cmd).run(rest)
}

fn shown(text: String) -> Exit {
    Exit {
        code: 0,
        stdout: true,
        text,
    }
}

/// A user's argument as shown in a message: escaped, so that a terminal or a
/// CI log never obeys it ([`crate::report::sanitize::line`]).
fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    crate::report::sanitize::line(s)
}

/// A usage error: `error: MESSAGE`, optional tips, the usage line.
fn usage_error(message: &str, tips: &[String], usage: &str) -> Exit {
    let mut text = format!("error: {message}\n");
    if !tips.is_empty() {
        text.push('\n');
        for t in tips {
            text.push_str(&format!("  tip: {t}\n"));
        }
    }
    text.push_str(&format!(
        "\nUsage: {usage}\n\nFor more information, try '--help'.\n"
    ));
    Exit {
        code: 2,
        stdout: false,
        text,
    }
}

fn unknown_command(name: &str) -> Exit {
    if name.starts_with('-') && name.len() > 1 {
        return usage_error(
            &format!("unexpected argument '{}' found", esc(name)),
            &[],
            "speclint <COMMAND>",
        );
    }
    let names = COMMANDS.iter().map(|c| c.name).chain(["help"]);
    let tips: Vec<String> = similar(name, names)
        .map(|c| format!("a similar subcommand exists: '{c}'"))
        .into_iter()
        .collect();
    usage_error(
        &format!("unrecognized subcommand '{}'", esc(name)),
        &tips,
        "speclint <COMMAND>",
    )
}

/// `help`, `help COMMAND`.
fn help_command(rest: &[&str]) -> Result<Invocation, Exit> {
    if let Some(extra) = rest.get(1) {
        return Err(usage_error(
            &format!("unexpected argument '{}' found", esc(extra)),
            &[],
            "speclint help [COMMAND]",
        ));
    }
    match rest.first() {
        None => Err(shown(help::top())),
        Some(&"help") => Err(shown(help::of_help())),
        Some(name) => match grammar::find(name) {
            Some(cmd) => Err(shown(help::command(cmd))),
            None => Err(unknown_command(name)),
        },
    }
}

/// The closest candidate, when close enough to be a likely typo (as clap's
/// suggestions: Jaro similarity above 0.7).
fn similar<'c>(value: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|c| (c, strsim::jaro(value, c)))
        .filter(|&(_, s)| s > 0.7)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// The state of parsing one command's arguments.
struct Parser {
    cmd: &'static Command,
    values: Vec<Option<Value>>,
    positional: Vec<String>,
}

impl Parser {
    fn new(cmd: &'static Command) -> Self {
        Self {
            cmd,
            values: vec![None; cmd.args.len()],
            positional: Vec::new(),
        }
    }

    fn error(&self, message: &str, tips: &[String]) -> Exit {
        usage_error(message, tips, &help::usage(self.cmd))
    }

    fn run(mut self, rest: &[&str]) -> Result<Invocation, Exit> {
        let mut i = 0;
        while i < rest.len() {
            let a = rest[i];
            i += 1;
            if a == "--" {
                self.positional
                    .extend(rest[i..].iter().map(|s| s.to_string()));
                break;
            }
            if is_help(a) {
                return Err(shown(help::command(self.cmd)));
            }
            if is_version(a) {
                return Err(shown(version_line()));
            }
            if let Some(long) = a.strip_prefix("--") {
                let (name, inline) = match long.split_once('=') {
                    Some((n, v)) => (n, Some(v)),
                    None => (long, None),
                };
                let Some(k) = self.cmd.args.iter().position(|x| x.long == Some(name)) else {
                    return Err(self.unknown_long(a, name));
                };
                let value = self.take_value(k, inline, rest, &mut i)?;
                self.set(k, value)?;
            } else if a.len() > 1 && a.starts_with('-') {
                // A cluster of short options: `-q`, `-qf json`, `-fjson`, `-f=json`.
                for (at, c) in a.char_indices().skip(1) {
                    let Some(k) = self.cmd.args.iter().position(|x| x.short == Some(c)) else {
                        let a = esc(a);
                        let tips = [format!("to pass '{a}' as a value, use '-- {a}'")];
                        let c = esc(c.encode_utf8(&mut [0; 4])).into_owned();
                        return Err(self.error(&format!("unexpected argument '-{c}' found"), &tips));
                    };
                    if self.cmd.args[k].value.is_none() {
                        self.set(k, None)?;
                        continue;
                    }
                    let tail = &a[at + c.len_utf8()..];
                    let tail = tail.strip_prefix('=').unwrap_or(tail);
                    let inline = (!tail.is_empty()).then_some(tail);
                    let value = self.take_value(k, inline, rest, &mut i)?;
                    self.set(k, value)?;
                    break;
                }
            } else {
                self.positional.push(a.to_string());
            }
        }
        self.finish()
    }

    fn unknown_long(&self, given: &str, name: &str) -> Exit {
        let given = esc(given.split_once('=').map_or(given, |(n, _)| n));
        let longs = self.cmd.args.iter().filter_map(|a| a.long);
        let tip = match similar(name, longs) {
            Some(l) => format!("a similar argument exists: '--{l}'"),
            None => format!("to pass '{given}' as a value, use '-- {given}'"),
        };
        self.error(&format!("unexpected argument '{given}' found"), &[tip])
    }

    /// The value of option `k`: inline (`--x=v`, `-xv`) or the next argument.
    /// `None` for a flag.
    fn take_value(
        &self,
        k: usize,
        inline: Option<&str>,
        rest: &[&str],
        i: &mut usize,
    ) -> Result<Option<String>, Exit> {
        let arg = &self.cmd.args[k];
        if arg.value.is_none() {
            return match inline {
                Some(v) => Err(self.error(
                    &format!(
                        "unexpected value '{}' for '{}' found; no more were expected",
                        esc(v),
                        help::label(arg)
                    ),
                    &[],
                )),
                None => Ok(None),
            };
        }
        let value = match inline {
            Some(v) => v,
            None => match rest.get(*i) {
                // A following option is not a value (as clap: `--format -q`).
                Some(v) if !(v.len() > 1 && v.starts_with('-')) => {
                    *i += 1;
                    v
                }
                _ => {
                    let mut message = format!(
                        "a value is required for '{}' but none was supplied",
                        help::label(arg)
                    );
                    if !arg.values.is_empty() {
                        message
                            .push_str(&format!("\n  [possible values: {}]", arg.values.join(", ")));
                    }
                    return Err(self.error(&message, &[]));
                }
            },
        };
        if !arg.values.is_empty() && !arg.values.contains(&value) {
            let mut message = format!(
                "invalid value '{}' for '{}'\n  [possible values: {}]",
                esc(value),
                help::label(arg),
                arg.values.join(", ")
            );
            if let Some(s) = similar(value, arg.values.iter().copied()) {
                message.push_str(&format!("\n\n  tip: a similar value exists: '{s}'"));
            }
            return Err(self.error(&message, &[]));
        }
        Ok(Some(value.to_string()))
    }

    /// Records option `k` (`value`: `None` for a flag).
    fn set(&mut self, k: usize, value: Option<String>) -> Result<(), Exit> {
        let arg = &self.cmd.args[k];
        let slot = &mut self.values[k];
        match (value, slot.as_mut()) {
            (Some(v), Some(Value::Many(list))) => list.push(v),
            (Some(v), None) if arg.many => *slot = Some(Value::Many(vec![v])),
            (Some(v), None) => *slot = Some(Value::One(Some(v))),
            (None, None) => *slot = Some(Value::Flag(true)),
            (_, Some(_)) => {
                return Err(self.error(
                    &format!(
                        "the argument '{}' cannot be used multiple times",
                        help::label(arg)
                    ),
                    &[],
                ));
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Invocation, Exit> {
        // Conflicts, in the grammar's order.
        for (k, arg) in self.cmd.args.iter().enumerate() {
            if self.values[k].is_none() {
                continue;
            }
            for other in arg.conflicts {
                let given = self.cmd.args.iter().position(|a| a.id == *other);
                if let Some(j) = given.filter(|&j| self.values[j].is_some()) {
                    return Err(self.error(
                        &format!(
                            "the argument '{}' cannot be used with '{}'",
                            help::label(arg),
                            help::label(&self.cmd.args[j])
                        ),
                        &[],
                    ));
                }
            }
        }
        // Positionals.
        let slot = self.cmd.args.iter().position(Arg::is_positional);
        let mut positional = std::mem::take(&mut self.positional).into_iter();
        if let Some(k) = slot {
            let arg = &self.cmd.args[k];
            if arg.many {
                let all: Vec<String> = positional.by_ref().collect();
                if !all.is_empty() {
                    self.values[k] = Some(Value::Many(all));
                }
            } else if let Some(v) = positional.next() {
                self.values[k] = Some(Value::One(Some(v)));
            }
        }
        if let Some(extra) = positional.next() {
            let extra = esc(&extra);
            let tips = if extra.starts_with('-') {
                vec![format!("to pass '{extra}' as a value, use '-- {extra}'")]
            } else {
                Vec::new()
            };
            return Err(self.error(&format!("unexpected argument '{extra}' found"), &tips));
        }
        // Required arguments.
        let missing: Vec<String> = (self.cmd.args.iter().enumerate())
            .filter(|&(k, a)| a.required && self.values[k].is_none())
            .map(|(_, a)| format!("  {}", help::label(a)))
            .collect();
        if !missing.is_empty() {
            return Err(self.error(
                &format!(
                    "the following required arguments were not provided:\n{}",
                    missing.join("\n")
                ),
                &[],
            ));
        }
        let values = (self.cmd.args.iter())
            .zip(self.values)
            .map(|(a, v)| {
                let v = v.unwrap_or_else(|| match (a.value, a.many) {
                    (None, _) => Value::Flag(false),
                    (Some(_), true) => Value::Many(Vec::new()),
                    (Some(_), false) => Value::One(a.default.map(str::to_string)),
                });
                (a, v)
            })
            .collect();
        Ok(Invocation {
            command: self.cmd.name,
            values,
        })
    }
}

#[cfg(test)]
mod tests;
