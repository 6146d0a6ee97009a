//! Subcommands of the native CLI. Each is a thin layer: read files, call the
//! core, print what the core's renderers return.

mod check;
mod export;
mod files;
mod fmt;
mod info;
mod init;
mod lsp;
pub mod out;
mod settings;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

use speclint::command::Invocation;
use speclint::report::Format;

/// Options shared by every command that loads configuration.
#[derive(Debug, Clone, Default)]
pub struct ConfigArgs {
    /// `--config`: the config file (default: found upward from the working directory).
    pub config: Option<PathBuf>,
    /// `--types`: extra spec type files.
    pub types: Vec<PathBuf>,
    /// `--templates`: globs of template files, relative to the working directory.
    pub templates: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug)]
pub struct CheckArgs {
    pub paths: Vec<String>,
    pub format: Format,
    pub spec_type: Option<String>,
    pub color: ColorChoice,
    pub quiet: bool,
    pub only_specs: bool,
    pub fail_on: speclint::workspace::FailOn,
    pub config: ConfigArgs,
}

#[derive(Debug)]
pub struct FmtArgs {
    pub paths: Vec<String>,
    pub check: bool,
    pub diff: bool,
    pub write: bool,
    pub unsafe_fixes: bool,
    pub reorder_sections: bool,
    pub insert_missing_sections: bool,
    pub only_specs: bool,
    pub spec_type: Option<String>,
    pub config: ConfigArgs,
}

#[derive(Debug)]
pub struct InitArgs {
    pub from_template: PathBuf,
    pub output: Option<PathBuf>,
    pub force: bool,
}

#[derive(Debug)]
pub struct TypesArgs {
    pub json: bool,
    pub config: ConfigArgs,
}

#[derive(Debug)]
pub struct SchemaArgs {
    pub spec_type: String,
    pub config: ConfigArgs,
}

#[derive(Debug)]
pub struct TemplatesArgs {
    pub json: bool,
    pub check: bool,
    pub config: ConfigArgs,
}

#[derive(Debug)]
pub struct RulesArgs {
    pub json: bool,
}

fn config_args(i: &Invocation) -> ConfigArgs {
    ConfigArgs {
        config: i.value("config").map(PathBuf::from),
        types: i.values("types").iter().map(PathBuf::from).collect(),
        templates: i.values("templates").to_vec(),
    }
}

fn owned(v: Option<&str>) -> Option<String> {
    v.map(str::to_string)
}

/// Runs the command the core's parser returned (`speclint::command`, the
/// grammar `npx speclint` shares); `Err` is a usage or I/O error (exit 2).
pub fn run(i: Invocation) -> Result<ExitCode, String> {
    let config = config_args(&i);
    let spec_type = owned(i.value("specType"));
    match i.command {
        "check" => check::run(CheckArgs {
            paths: i.values("paths").to_vec(),
            // The grammar accepts only format names `Format::parse` reads.
            format: i
                .value("format")
                .and_then(Format::parse)
                .unwrap_or(Format::Pretty),
            spec_type,
            color: match i.value("color") {
                Some("always") => ColorChoice::Always,
                Some("never") => ColorChoice::Never,
                _ => ColorChoice::Auto,
            },
            quiet: i.flag("quiet"),
            only_specs: i.flag("onlySpecs"),
            // The grammar accepts only the values `FailOn::parse` reads.
            fail_on: i
                .value("failOn")
                .and_then(speclint::workspace::FailOn::parse)
                .unwrap_or_default(),
            config,
        }),
        "fmt" => fmt::run(FmtArgs {
            paths: i.values("paths").to_vec(),
            check: i.flag("check"),
            diff: i.flag("diff"),
            write: i.flag("write"),
            unsafe_fixes: i.flag("unsafeFixes"),
            reorder_sections: i.flag("reorderSections"),
            insert_missing_sections: i.flag("insertMissingSections"),
            only_specs: i.flag("onlySpecs"),
            spec_type,
            config,
        }),
        "export" => export::run(export::ExportArgs {
            files: i.values("files").iter().map(PathBuf::from).collect(),
            pretty: i.flag("pretty"),
            spec_type,
            config,
        }),
        "init" => init::run(InitArgs {
            from_template: PathBuf::from(i.value("fromTemplate").unwrap_or_default()),
            output: i.value("output").map(PathBuf::from),
            force: i.flag("force"),
        }),
        "types" => info::types(TypesArgs {
            json: i.flag("json"),
            config,
        }),
        "templates" => info::templates(TemplatesArgs {
            json: i.flag("json"),
            check: i.flag("check"),
            config,
        }),
        "schema" => info::schema(SchemaArgs {
            spec_type: spec_type.unwrap_or_default(),
            config,
        }),
        "lsp" => lsp::run(),
        "rules" => info::rules(RulesArgs {
            json: i.flag("json"),
        }),
        other => Err(format!("no command `{other}`")),
    }
}
