package io.zgw.sql;

import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.SQLDataType;

/**
 * DateTimeTextBinding binds the store's {@code DATETIME(3)} and {@code TIMESTAMP(3)}
 * columns as text with milliseconds. MySQL's Connector/J drops fractional seconds when
 * the server is MariaDB, which announces itself as MySQL "5.5.5-10.x", older than
 * fractional-second support; sent as text, the milliseconds reach the column on MariaDB
 * and MySQL alike. Values are read back as usual. The code generator puts this binding on
 * every such column ({@code sql/pom.xml}, forcedTypes).
 */
public final class DateTimeTextBinding implements Binding<LocalDateTime, LocalDateTime> {

	private static final long serialVersionUID = 1L;

	// Whole milliseconds: MySQL would round further digits, MariaDB truncate them.
	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	@SuppressWarnings("unchecked")
	private static final Binding<LocalDateTime, LocalDateTime> STANDARD = (Binding<LocalDateTime, LocalDateTime>) SQLDataType
		.LOCALDATETIME(3)
		.getBinding();

	/**
	 * The value as this binding sends it, for code that binds a {@code DATETIME(3)} value
	 * through plain JDBC.
	 */
	public static String text(LocalDateTime value) {
		return TEXT.format(value);
	}

	@Override
	public Converter<LocalDateTime, LocalDateTime> converter() {
		return STANDARD.converter();
	}

	@Override
	public void sql(BindingSQLContext<LocalDateTime> ctx) throws SQLException {
		if (ctx.render().paramType() == ParamType.INLINED) {
			STANDARD.sql(ctx);
		}
		else {
			// Typed, so that the text compares as a time in any expression.
			ctx.render().sql("cast(? as datetime(3))");
		}
	}

	@Override
	public void register(BindingRegisterContext<LocalDateTime> ctx) throws SQLException {
		STANDARD.register(ctx);
	}

	@Override
	public void set(BindingSetStatementContext<LocalDateTime> ctx) throws SQLException {
		LocalDateTime value = ctx.value();
		if (value == null) {
			ctx.statement().setNull(ctx.index(), Types.VARCHAR);
		}
		else {
			ctx.statement().setString(ctx.index(), text(value));
		}
	}

	@Override
	public void set(BindingSetSQLOutputContext<LocalDateTime> ctx) throws SQLException {
		STANDARD.set(ctx);
	}

	@Override
	public void get(BindingGetResultSetContext<LocalDateTime> ctx) throws SQLException {
		STANDARD.get(ctx);
	}

	@Override
	public void get(BindingGetStatementContext<LocalDateTime> ctx) throws SQLException {
		STANDARD.get(ctx);
	}

	@Override
	public void get(BindingGetSQLInputContext<LocalDateTime> ctx) throws SQLException {
		STANDARD.get(ctx);
	}

}
