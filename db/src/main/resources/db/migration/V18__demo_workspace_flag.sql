-- The demo workspace (breakglass.demo) has published passwords. It is marked so that the app can say so loudly, in
-- its log at every start and in the header of every page its members open.
ALTER TABLE workspace ADD COLUMN demo boolean NOT NULL DEFAULT false;
