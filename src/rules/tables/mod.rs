//! Rules about tables.

pub mod missing_table;
pub mod missing_column;
pub mod row_cell_count;
pub mod empty_table;
