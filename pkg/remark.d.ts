// Types of `import remarkSpeclint from "speclint/remark"` (remark.js): the same as for require(), written in remark.d.cts.
import remarkSpeclint from "./remark.cjs";

export type Options = remarkSpeclint.Options;
export type ConfigObject = remarkSpeclint.ConfigObject;
export type File = remarkSpeclint.File;
export type Message = remarkSpeclint.Message;
export type Place = remarkSpeclint.Place;
export type Point = remarkSpeclint.Point;
export type Transformer = remarkSpeclint.Transformer;
export default remarkSpeclint;
