//! Rules about tables.

pub mod empty_table;
pub mod missing_column;
pub mod missing_table;
pub mod row_cell_count;
