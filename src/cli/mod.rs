//! Subcommands of the native CLI. Each is a thin layer: read files, call the
//! core, print what the core's renderers return.

mod check;
mod export;
mod files;
mod fmt;
mod info;
mod init;
pub mod out;
mod settings;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Validate, normalize and export spec documents.
#[derive(Debug, Parser)]
#[command(name = "speclint", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check spec documents (files, directories or globs; default `.`).
    Check(CheckArgs),
    /// Normalize documents: safe fixes and canonical formatting (prints, checks, diffs or writes).
    Fmt(FmtArgs),
    /// Print documents as data: front matter, sections, tables, entities (JSON).
    Export(export::ExportArgs),
    /// Derive a spec type file from a template document.
    Init(InitArgs),
    /// List the known spec types.
    Types(TypesArgs),
    /// Print the JSON Schema of a spec type's front matter (for editors).
    Schema(SchemaArgs),
    /// List every rule with its code, name, default severity and fix availability.
    Rules(RulesArgs),
}

/// Options shared by every command that loads configuration.
#[derive(Debug, Args, Clone, Default)]
pub struct ConfigArgs {
    /// Config file (default: `speclint.yaml` or `.speclint.yaml` found upward from the working directory).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Extra spec type file (YAML or JSON); repeatable.
    #[arg(long = "types", value_name = "FILE")]
    pub types: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Pretty,
    Json,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files, directories (walked for `.md`, respecting `.gitignore`) or globs.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Pretty)]
    pub format: OutputFormat,
    /// Validate every document as this spec type, whatever its `spec_type` says.
    #[arg(long = "type", value_name = "ID")]
    pub spec_type: Option<String>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// One line per diagnostic (`path:line:col severity CODE message`), no code frames.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Files, directories or globs; `-` reads standard input and prints the result.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Exit 1 and print a diff when a document would change.
    #[arg(long, conflicts_with = "write")]
    pub check: bool,
    /// Print a unified diff of what would change (exit 1 when something would).
    #[arg(long, conflicts_with = "write")]
    pub diff: bool,
    /// Rewrite changed files in place (atomically; unchanged files are not touched).
    #[arg(long)]
    pub write: bool,
    /// Also apply fixes labelled unsafe.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Move sections into the spec type's order (unsafe).
    #[arg(long)]
    pub reorder_sections: bool,
    /// Insert missing required sections as stubs (unsafe).
    #[arg(long)]
    pub insert_missing_sections: bool,
    /// Normalize every document as this spec type.
    #[arg(long = "type", value_name = "ID")]
    pub spec_type: Option<String>,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The template to derive the spec type from.
    #[arg(long, value_name = "TEMPLATE.md")]
    pub from_template: PathBuf,
    /// Write the type here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct TypesArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The spec type id, e.g. `database-schema`.
    pub spec_type: String,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs a command; `Err` is a usage or I/O error (exit 2).
pub fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Check(a) => check::run(a),
        Command::Fmt(a) => fmt::run(a),
        Command::Export(a) => export::run(a),
        Command::Init(a) => init::run(a),
        Command::Types(a) => info::types(a),
        Command::Schema(a) => info::schema(a),
        Command::Rules(a) => info::rules(a),
    }
}
