// The app's commands: the one list of them. `lib.rs` registers their handlers from it and
// `build.rs` includes this file to declare one permission per command (which
// `capabilities/main.json` grants); the `commands_declared` test checks the grants and the UI's
// gateway (`ui/src/lib/api.ts`) against it.
macro_rules! app_commands {
    ($then:ident) => {
        $then! {
            library::library_info,
            library::list_articles,
            library::search_articles,
            library::update_article,
            library::set_articles_outlet,
            library::delete_articles,
            library::restore_articles,
            library::article_uses,
            library::remove_from_sessions,
            library::put_back_in_sessions,
            library::trash_contents,
            library::empty_trash,
            library::backup_library,
            library::library_reuse,
            import::import_paths,
            import::import_sample,
            import::after_import,
            sessions::list_sessions,
            sessions::create_session,
            sessions::open_session,
            sessions::rename_session,
            sessions::duplicate_session,
            sessions::delete_session,
            sessions::restore_session,
            sessions::set_session_articles,
            sessions::save_view_state,
            sessions::export_session,
            sessions::save_bundle,
            sessions::open_bundle,
            notes::add_note,
            notes::update_note,
            notes::delete_note,
            notes::restore_note,
            notes::search_notes,
            notes::list_tags,
        }
    };
}
