import { usePortalT } from "../messages.ts";
import { Link } from "../router.tsx";

export function HomePage() {
  const t = usePortalT();
  return (
    <>
      <h1 tabIndex={-1}>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <ul className="action-cards">
        <li>
          <Link className="action-card" to="submit" data-testid="home-submit">
            <span className="action-card__title">{t("home.submit.title")}</span>
            <span className="action-card__body">{t("home.submit.body")}</span>
          </Link>
        </li>
        <li>
          <Link className="action-card" to="track" data-testid="home-track">
            <span className="action-card__title">{t("home.track.title")}</span>
            <span className="action-card__body">{t("home.track.body")}</span>
          </Link>
        </li>
        <li>
          <Link className="action-card" to="faq" data-testid="home-faq">
            <span className="action-card__title">{t("home.faq.title")}</span>
            <span className="action-card__body">{t("home.faq.body")}</span>
          </Link>
        </li>
      </ul>
      <p className="emergency-note">{t("home.emergency")}</p>
    </>
  );
}
