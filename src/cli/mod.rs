//! Subcommands of the native CLI. Each is a thin layer: read files, call the
//! core, print what the core's renderers return.

mod check;
mod files;
mod info;
mod settings;

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
        Command::Types(a) => info::types(a),
        Command::Schema(a) => info::schema(a),
        Command::Rules(a) => info::rules(a),
    }
}
