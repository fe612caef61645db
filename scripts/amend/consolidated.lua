-- `conventio amend ... --consolidated FILE`: the amended agreement with the avenant's changes
-- as tracked changes.
return require("conventio.avenant").from_change_set(...):consolidated_document()
