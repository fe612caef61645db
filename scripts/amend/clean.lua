-- `conventio amend ... --clean FILE`: the amended agreement, its changes applied, no marks.
return require("conventio.avenant").from_change_set(...):amended_document()
